//! The client server's Windows Event Log: the Application log's entries of the client's
//! sources over the last hours, read through the Event Log API (`EvtQuery`), on this computer
//! or remotely on the server. Off Windows there is no Event Log, and the caller says so.

/// The most entries read: far more than a day of a client's events.
pub const MAX_EVENTS: usize = 500;

/// The entries, newest first, each rendered as the Event Log's XML; or why they cannot be read.
#[cfg(windows)]
pub fn application_events(
    server: Option<&str>,
    sources: &[String],
    hours: u32,
) -> Result<Vec<String>, String> {
    use windows::core::{PCWSTR, PWSTR};
    use windows::Win32::System::EventLog::{
        EvtClose, EvtNext, EvtOpenSession, EvtQuery, EvtQueryChannelPath, EvtQueryReverseDirection,
        EvtRender, EvtRenderEventXml, EvtRpcLogin, EvtRpcLoginAuthDefault, EVT_HANDLE,
        EVT_RPC_LOGIN,
    };

    /// Closes an Event Log handle when it goes.
    struct Handle(EVT_HANDLE);
    impl Drop for Handle {
        fn drop(&mut self) {
            // SAFETY: a handle the API gave and nothing closed before.
            let _ = unsafe { EvtClose(self.0) };
        }
    }

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(std::iter::once(0)).collect()
    }

    let providers: Vec<String> = sources
        .iter()
        .filter(|source| {
            source
                .chars()
                .all(|c| c.is_alphanumeric() || " ._-".contains(c))
        })
        .map(|source| format!("Provider[@Name='{source}']"))
        .collect();
    if providers.is_empty() {
        return Ok(Vec::new());
    }
    let query = format!(
        "*[System[({}) and TimeCreated[timediff(@SystemTime) <= {}]]]",
        providers.join(" or "),
        u64::from(hours) * 3_600_000
    );
    let mut server_name = server.map(wide);
    let session = match server_name.as_mut() {
        Some(name) => {
            let login = EVT_RPC_LOGIN {
                Server: PWSTR(name.as_mut_ptr()),
                User: PWSTR::null(),
                Domain: PWSTR::null(),
                Password: PWSTR::null(),
                Flags: EvtRpcLoginAuthDefault.0,
            };
            // SAFETY: `login` and the name it points to outlive the call.
            let opened = unsafe {
                EvtOpenSession(
                    EvtRpcLogin,
                    (&login as *const EVT_RPC_LOGIN).cast(),
                    None,
                    None,
                )
            };
            Some(Handle(
                opened.map_err(|err| format!("EvtOpenSession: {err}"))?,
            ))
        }
        None => None,
    };
    let channel = wide("Application");
    let query = wide(&query);
    // SAFETY: the strings are NUL-terminated and live through the call.
    let results = unsafe {
        EvtQuery(
            session.as_ref().map(|handle| handle.0),
            PCWSTR(channel.as_ptr()),
            PCWSTR(query.as_ptr()),
            EvtQueryChannelPath.0 | EvtQueryReverseDirection.0,
        )
    }
    .map(Handle)
    .map_err(|err| format!("EvtQuery: {err}"))?;

    let mut rendered = Vec::new();
    let mut batch = [0isize; 16];
    while rendered.len() < MAX_EVENTS {
        let mut returned = 0u32;
        // SAFETY: `batch` has room for what is asked; `returned` says how many were filled.
        if unsafe { EvtNext(results.0, &mut batch, 2_000, 0, &mut returned) }.is_err() {
            break;
        }
        for raw in batch.iter().take(returned as usize) {
            let event = Handle(EVT_HANDLE(*raw));
            let (mut used, mut count) = (0u32, 0u32);
            // SAFETY: the first call only asks for the size the XML needs.
            let _ = unsafe {
                EvtRender(
                    None,
                    event.0,
                    EvtRenderEventXml.0,
                    0,
                    None,
                    &mut used,
                    &mut count,
                )
            };
            let mut buffer = vec![0u16; (used as usize).div_ceil(2)];
            // SAFETY: `buffer` holds `used` bytes, as the first call said it needs.
            let done = unsafe {
                EvtRender(
                    None,
                    event.0,
                    EvtRenderEventXml.0,
                    used,
                    Some(buffer.as_mut_ptr().cast()),
                    &mut used,
                    &mut count,
                )
            };
            if done.is_ok() {
                let end = buffer.iter().position(|c| *c == 0).unwrap_or(buffer.len());
                rendered.push(String::from_utf16_lossy(&buffer[..end]));
            }
        }
    }
    Ok(rendered)
}

#[cfg(not(windows))]
pub fn application_events(
    _server: Option<&str>,
    _sources: &[String],
    _hours: u32,
) -> Result<Vec<String>, String> {
    Err("the Windows Event Log is read only on Windows".to_string())
}
