/* A stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks. Rust's standard library
 * takes its random bytes from ProcessPrng in that DLL; this one answers from RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine has. For the Windows tests under Wine only.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length; SIZE_T is wider on 64-bit Windows. */
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
