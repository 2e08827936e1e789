/*
 * The MSI's custom actions: the machine-wide defaults file that a silent install writes from
 * its public properties, kept across upgrades, and removed when Synkvakt is uninstalled.
 *
 *   msiexec /i Synkvakt.msi /qn TENANT_URL=https://kommune.eadm.no TENANT_NAME="Bærum kommune" PRODUCT=eAdm
 *
 * writes %ProgramData%\Synkvakt\settings.json in the shape of Synkvakt's settings (core's
 * settings.rs: camelCase, version 2, `tenants` a list of profiles), which the app lays beneath
 * each user's own settings:
 *
 *   {"version": 2, "tenants": [{"id": "deployed", "name": "Bærum kommune", "product": "eAdm",
 *    "serviceUrl": "https://kommune.eadm.no"}]}
 *
 * Windows Installer has no table that writes a JSON file, and wixl supports DLL custom actions,
 * so this small DLL (kernel32 and msi only) does it, in three actions (see synkvakt.wxs):
 *
 * - PrepareMachineDefaults, immediate, before an older version is removed: checks the
 *   properties and makes the file's text from them; without TENANT_URL it keeps the text of
 *   the file that is there, so that an upgrade never loses it, also where the older version's
 *   uninstall cannot tell that it is part of an upgrade (Wine passes it no
 *   UPGRADINGPRODUCTCODE). It hands "<file>\t<text>" to the next action through
 *   MsiSetProperty, so the text is never taken for a formatted string.
 * - WriteMachineDefaults, deferred and not impersonated (as the installing service, which may
 *   write to %ProgramData%): writes the text, to a new file first, then swapped in.
 * - RemoveMachineDefaults, deferred, when Synkvakt is removed for good: deletes the file, and
 *   the folder when nothing else is in it.
 *
 * Built with MinGW-w64 by .ci/windows:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o synkvakt-actions.dll machine-defaults.c -lmsi
 */

#include <windows.h>
#include <msi.h>
#include <msiquery.h>

#define DEFAULTS_FOLDER L"Synkvakt"
#define DEFAULTS_FILE L"settings.json"
#define PROFILE_ID L"deployed"
/* The bounds the app's own profile form keeps (core's profiles.rs). */
#define MAX_NAME_CHARS 80
#define MAX_URL_CHARS 2048

static void *allocate(size_t bytes) { return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, bytes); }
static void release(void *block) { if (block) HeapFree(GetProcessHeap(), 0, block); }

/* A line in the installer's log (msiexec /l*v). */
static void log_line(MSIHANDLE install, const wchar_t *text)
{
    MSIHANDLE record = MsiCreateRecord(0);
    MsiRecordSetStringW(record, 0, text);
    MsiProcessMessage(install, INSTALLMESSAGE_INFO, record);
    MsiCloseHandle(record);
}

/* An error the installer shows (or logs, when silent) before it rolls back. */
static UINT fail(MSIHANDLE install, const wchar_t *text)
{
    MSIHANDLE record = MsiCreateRecord(0);
    MsiRecordSetStringW(record, 0, text);
    MsiProcessMessage(install, INSTALLMESSAGE_ERROR | MB_OK | MB_ICONERROR, record);
    MsiCloseHandle(record);
    return ERROR_INSTALL_FAILURE;
}

static wchar_t *property(MSIHANDLE install, const wchar_t *name)
{
    wchar_t none[1] = L"";
    DWORD size = 0;
    UINT result = MsiGetPropertyW(install, name, none, &size);
    if (result != ERROR_MORE_DATA && result != ERROR_SUCCESS)
        return NULL;
    size += 1;
    wchar_t *value = allocate(size * sizeof(wchar_t));
    if (!value)
        return NULL;
    if (MsiGetPropertyW(install, name, value, &size) != ERROR_SUCCESS) {
        release(value);
        return NULL;
    }
    return value;
}

/* A growing UTF-16 text. */
typedef struct {
    wchar_t *text;
    size_t length, capacity;
    BOOL failed;
} Text;

static void append_n(Text *out, const wchar_t *part, size_t n)
{
    if (out->failed)
        return;
    if (out->length + n + 1 > out->capacity) {
        size_t capacity = (out->capacity + n + 1) * 2;
        wchar_t *grown = allocate(capacity * sizeof(wchar_t));
        if (!grown) {
            out->failed = TRUE;
            return;
        }
        if (out->text) {
            CopyMemory(grown, out->text, out->length * sizeof(wchar_t));
            release(out->text);
        }
        out->text = grown;
        out->capacity = capacity;
    }
    CopyMemory(out->text + out->length, part, n * sizeof(wchar_t));
    out->length += n;
    out->text[out->length] = 0;
}

static void append(Text *out, const wchar_t *part) { append_n(out, part, lstrlenW(part)); }

/* A JSON string: quotes, backslashes and control characters escaped. */
static void append_json_string(Text *out, const wchar_t *value, size_t n)
{
    static const wchar_t hex[] = L"0123456789abcdef";
    append(out, L"\"");
    for (size_t i = 0; i < n; i++) {
        wchar_t c = value[i];
        if (c == L'"')
            append(out, L"\\\"");
        else if (c == L'\\')
            append(out, L"\\\\");
        else if (c < 0x20) {
            wchar_t escaped[7] = {L'\\', L'u', L'0', L'0', hex[(c >> 4) & 0xf], hex[c & 0xf], 0};
            append(out, escaped);
        } else
            append_n(out, &c, 1);
    }
    append(out, L"\"");
}

static BOOL is_blank(wchar_t c) { return c == L' ' || c == L'\t' || c == L'\r' || c == L'\n'; }

/* [start, end) without blanks around it. */
static void trim(const wchar_t **start, const wchar_t **end)
{
    while (*start < *end && is_blank(**start))
        (*start)++;
    while (*end > *start && is_blank((*end)[-1]))
        (*end)--;
}

static BOOL has_control_characters(const wchar_t *start, const wchar_t *end)
{
    for (; start < end; start++)
        if (*start < 0x20 || *start == 0x7f)
            return TRUE;
    return FALSE;
}

static BOOL starts_with_ci(const wchar_t *start, const wchar_t *end, const wchar_t *prefix)
{
    size_t n = lstrlenW(prefix);
    return (size_t)(end - start) >= n &&
           CompareStringOrdinal(start, (int)n, prefix, (int)n, TRUE) == CSTR_EQUAL;
}

/* Writes `json` (UTF-16) as UTF-8 to `path`: to a new file beside it first, then swapped in, so
 * that a reader never sees half a file. */
static UINT write_utf8(const wchar_t *path, const wchar_t *json)
{
    UINT result = ERROR_SUCCESS;
    int bytes = WideCharToMultiByte(CP_UTF8, 0, json, -1, NULL, 0, NULL, NULL);
    char *utf8 = bytes > 0 ? allocate(bytes) : NULL;
    Text temporary = {0};
    append(&temporary, path);
    append(&temporary, L".new");
    if (!utf8 || temporary.failed) {
        result = ERROR_OUTOFMEMORY;
        goto done;
    }
    WideCharToMultiByte(CP_UTF8, 0, json, -1, utf8, bytes, NULL, NULL);
    HANDLE file = CreateFileW(temporary.text, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        result = GetLastError();
        goto done;
    }
    DWORD written = 0;
    BOOL ok = WriteFile(file, utf8, (DWORD)(bytes - 1), &written, NULL) &&
              written == (DWORD)(bytes - 1) && FlushFileBuffers(file);
    if (!ok)
        result = GetLastError();
    CloseHandle(file);
    if (ok && !MoveFileExW(temporary.text, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        result = GetLastError();
    if (result != ERROR_SUCCESS)
        DeleteFileW(temporary.text);
done:
    release(utf8);
    release(temporary.text);
    return result;
}

/* The largest defaults file kept across an upgrade: a settings file is a few kilobytes. */
#define MAX_KEPT_BYTES (1024 * 1024)

/* The text of the file at `path` as UTF-16, if it is there and is UTF-8 of a sane size. */
static wchar_t *read_utf8(const wchar_t *path)
{
    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return NULL;
    wchar_t *text = NULL;
    LARGE_INTEGER size;
    char *bytes = NULL;
    DWORD read = 0;
    if (!GetFileSizeEx(file, &size) || size.QuadPart <= 0 || size.QuadPart > MAX_KEPT_BYTES)
        goto done;
    bytes = allocate((size_t)size.QuadPart);
    if (!bytes || !ReadFile(file, bytes, (DWORD)size.QuadPart, &read, NULL) || read != (DWORD)size.QuadPart)
        goto done;
    int units = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, bytes, (int)read, NULL, 0);
    if (units <= 0)
        goto done;
    text = allocate(((size_t)units + 1) * sizeof(wchar_t));
    if (text)
        MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, bytes, (int)read, text, units);
done:
    release(bytes);
    CloseHandle(file);
    return text;
}

/* The defaults file's folder and path below `program_data` (which may end in a backslash). */
static void defaults_paths(const wchar_t *program_data, Text *folder, Text *file)
{
    append(folder, program_data);
    if (folder->length > 0 && folder->text[folder->length - 1] != L'\\')
        append(folder, L"\\");
    append(folder, DEFAULTS_FOLDER);
    append(file, folder->text ? folder->text : L"");
    append(file, L"\\" DEFAULTS_FILE);
}

/* The file's text from TENANT_URL, TENANT_NAME and PRODUCT, checked as the app checks a
 * profile; ERROR_SUCCESS, or the failure it reported. */
static UINT defaults_from_properties(MSIHANDLE install, const wchar_t *url_property,
                                     Text *json)
{
    UINT result = ERROR_INSTALL_FAILURE;
    wchar_t *product_property = property(install, L"PRODUCT");
    wchar_t *name_property = property(install, L"TENANT_NAME");
    if (!product_property || !name_property) {
        result = fail(install, L"Synkvakt: the installer could not read PRODUCT and TENANT_NAME.");
        goto done;
    }
    const wchar_t *product = product_property, *product_end = product + lstrlenW(product);
    const wchar_t *name = name_property, *name_end = name + lstrlenW(name);
    const wchar_t *url = url_property, *url_end = url + lstrlenW(url);
    trim(&product, &product_end);
    trim(&name, &name_end);
    trim(&url, &url_end);
    while (url_end > url && url_end[-1] == L'/')
        url_end--;

    const wchar_t *product_name;
    if (product_end - product == 4 && starts_with_ci(product, product_end, L"eAdm"))
        product_name = L"eAdm";
    else if (product_end - product == 6 && starts_with_ci(product, product_end, L"eFeide"))
        product_name = L"eFeide";
    else {
        result = fail(install, L"Synkvakt: PRODUCT must be eAdm or eFeide.");
        goto done;
    }
    if (!starts_with_ci(url, url_end, L"https://") || url_end - url == 8) {
        result = fail(install, L"Synkvakt: TENANT_URL must be the tenant's https:// address.");
        goto done;
    }
    if (url_end - url > MAX_URL_CHARS || has_control_characters(url, url_end)) {
        result = fail(install, L"Synkvakt: TENANT_URL is not an address (too long, or control characters).");
        goto done;
    }
    if (name == name_end) {
        /* No name given: the tenant's host, as the address shows it. */
        name = url + 8;
        name_end = name;
        while (name_end < url_end && *name_end != L'/' && *name_end != L':')
            name_end++;
    }
    if (name_end - name > MAX_NAME_CHARS || has_control_characters(name, name_end)) {
        result = fail(install, L"Synkvakt: TENANT_NAME must be at most 80 characters on one line.");
        goto done;
    }

    append(json, L"{\n  \"version\": 2,\n  \"tenants\": [\n    {\n      \"id\": \"" PROFILE_ID L"\",\n      \"name\": ");
    append_json_string(json, name, name_end - name);
    append(json, L",\n      \"product\": \"");
    append(json, product_name);
    append(json, L"\",\n      \"serviceUrl\": ");
    append_json_string(json, url, url_end - url);
    append(json, L"\n    }\n  ]\n}\n");
    result = json->failed ? fail(install, L"Synkvakt: out of memory.") : ERROR_SUCCESS;
done:
    release(product_property);
    release(name_property);
    return result;
}

/* Immediate. Sets WriteMachineDefaults (the deferred action's CustomActionData) to
 * "<file>\t<text>": from the properties when TENANT_URL is given, else the file that is there. */
__declspec(dllexport) UINT __stdcall PrepareMachineDefaults(MSIHANDLE install)
{
    UINT result = ERROR_SUCCESS;
    wchar_t *program_data = property(install, L"CommonAppDataFolder");
    wchar_t *url = property(install, L"TENANT_URL");
    wchar_t *kept = NULL;
    Text folder = {0}, file = {0}, json = {0}, data = {0}, message = {0};
    if (!program_data || !url || !*program_data) {
        result = fail(install, L"Synkvakt: the installer could not read where %ProgramData% is.");
        goto done;
    }
    defaults_paths(program_data, &folder, &file);
    if (*url) {
        result = defaults_from_properties(install, url, &json);
        if (result != ERROR_SUCCESS)
            goto done;
        append(&message, L"Synkvakt: the machine-wide defaults are written from TENANT_URL to ");
    } else {
        kept = read_utf8(file.text ? file.text : L"");
        if (!kept) {
            log_line(install, L"Synkvakt: no TENANT_URL, and no machine-wide defaults to keep.");
            goto done;
        }
        append(&json, kept);
        append(&message, L"Synkvakt: the machine-wide defaults there are kept: ");
    }
    append(&data, file.text ? file.text : L"");
    append(&data, L"\t");
    append(&data, json.text ? json.text : L"");
    append(&message, file.text ? file.text : L"");
    if (data.failed || message.failed) {
        result = fail(install, L"Synkvakt: out of memory.");
        goto done;
    }
    if (MsiSetPropertyW(install, L"WriteMachineDefaults", data.text) != ERROR_SUCCESS) {
        result = fail(install, L"Synkvakt: the installer could not pass on the machine-wide defaults.");
        goto done;
    }
    log_line(install, message.text);
done:
    release(program_data);
    release(url);
    release(kept);
    release(folder.text);
    release(file.text);
    release(json.text);
    release(data.text);
    release(message.text);
    return result;
}

/* Deferred. CustomActionData: "<file>\t<text>", from PrepareMachineDefaults. */
__declspec(dllexport) UINT __stdcall WriteMachineDefaults(MSIHANDLE install)
{
    UINT result = ERROR_INSTALL_FAILURE;
    wchar_t *data = property(install, L"CustomActionData");
    Text message = {0};
    wchar_t *tab = data;
    while (tab && *tab && *tab != L'\t')
        tab++;
    if (!data || !tab || *tab != L'\t') {
        result = fail(install, L"Synkvakt: the installer lost the machine-wide defaults it was to write.");
        goto done;
    }
    *tab = 0;
    const wchar_t *file = data, *json = tab + 1;
    /* The folder: the file's path up to its last backslash. */
    wchar_t *last = NULL;
    for (wchar_t *p = data; *p; p++)
        if (*p == L'\\')
            last = p;
    if (!last) {
        result = fail(install, L"Synkvakt: the machine-wide defaults have no folder.");
        goto done;
    }
    *last = 0;
    BOOL folder_ok = CreateDirectoryW(data, NULL) || GetLastError() == ERROR_ALREADY_EXISTS;
    *last = L'\\';
    if (!folder_ok) {
        append(&message, L"Synkvakt: could not create the folder of ");
        append(&message, file);
        result = fail(install, message.text);
        goto done;
    }
    if (write_utf8(file, json) != ERROR_SUCCESS) {
        append(&message, L"Synkvakt: could not write the machine-wide defaults to ");
        append(&message, file);
        result = fail(install, message.text);
        goto done;
    }
    append(&message, L"Synkvakt: wrote the machine-wide defaults to ");
    append(&message, file);
    log_line(install, message.text);
    result = ERROR_SUCCESS;
done:
    release(data);
    release(message.text);
    return result;
}

/* Deferred. CustomActionData: "<ProgramData folder>". Runs only when Synkvakt is removed for
 * good: Windows tells an uninstall that is part of an upgrade by UPGRADINGPRODUCTCODE, and the
 * newer version's PrepareMachineDefaults keeps the text besides, for where it does not. */
__declspec(dllexport) UINT __stdcall RemoveMachineDefaults(MSIHANDLE install)
{
    wchar_t *data = property(install, L"CustomActionData");
    Text folder = {0}, file = {0}, temporary = {0}, message = {0};
    if (!data)
        return ERROR_SUCCESS;
    defaults_paths(data, &folder, &file);
    append(&temporary, file.text ? file.text : L"");
    append(&temporary, L".new");
    if (!folder.failed && !file.failed && !temporary.failed) {
        DeleteFileW(temporary.text);
        if (DeleteFileW(file.text)) {
            append(&message, L"Synkvakt: removed the machine-wide defaults ");
            append(&message, file.text);
            log_line(install, message.text);
        }
        /* Only when empty: anything else IT put there stays. */
        RemoveDirectoryW(folder.text);
    }
    release(data);
    release(folder.text);
    release(file.text);
    release(temporary.text);
    release(message.text);
    /* Never stops an uninstall. */
    return ERROR_SUCCESS;
}
