//! What the installer checks share: where the built packages are, a runner with a deadline,
//! and readers for the files they look into (Windows shortcuts, PNG headers, desktop entries).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The file or folder the variable `name` names; the tests need the built packages, so a
/// missing one is a failure that says how to get it.
pub fn given(name: &str, how: &str) -> PathBuf {
    let value = std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| panic!("{name} is not set: {how}"));
    let path = PathBuf::from(value);
    assert!(
        path.exists(),
        "{name} names {}, which does not exist",
        path.display()
    );
    path
}

/// The repository's root.
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/installers lies two folders below the root")
        .to_path_buf()
}

/// Runs `command` to its end, or kills it after `limit`; its output either way.
pub fn run_within(command: &mut Command, limit: Duration) -> Output {
    let described = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot start {described}: {err}"));
    // Read both pipes on threads, so that a chatty program never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut bytes).ok();
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut bytes).ok();
        bytes
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for a child") {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("{described} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// Waits up to `limit` for `check` to give something.
pub fn eventually<T>(limit: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = check() {
            return Some(found);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A PNG's width and height, from its IHDR chunk.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((be(16), be(20)))
}

/// The keys of a desktop entry's `[Desktop Entry]` group (freedesktop's Desktop Entry format).
pub fn desktop_entry(text: &str) -> BTreeMap<String, String> {
    let mut group = String::new();
    let mut keys = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = name.to_string();
        } else if group == "Desktop Entry" {
            if let Some((key, value)) = line.split_once('=') {
                keys.insert(key.trim().to_string(), value.trim().to_string());
            }
        }
    }
    keys
}

/// What a Windows shortcut (.lnk, [MS-SHLLINK]) says.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ShellLink {
    /// The target as a local path (LinkInfo's LocalBasePath).
    pub target: Option<String>,
    pub description: Option<String>,
    pub working_dir: Option<String>,
    pub arguments: Option<String>,
    pub icon_location: Option<String>,
    pub icon_index: i32,
    /// Whether it carries a property store (PropertyStoreDataBlock), where Windows keeps
    /// System.AppUserModel.ID.
    pub has_property_store: bool,
}

impl ShellLink {
    pub fn parse(bytes: &[u8]) -> Result<ShellLink, String> {
        const HEADER_SIZE: usize = 0x4c;
        const CLSID: [u8; 16] = [
            0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x46,
        ];
        let u16_at = |at: usize| -> Result<usize, String> {
            bytes
                .get(at..at + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
                .ok_or_else(|| format!("the shortcut ends at {at}"))
        };
        let u32_at = |at: usize| -> Result<u32, String> {
            bytes
                .get(at..at + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .ok_or_else(|| format!("the shortcut ends at {at}"))
        };
        if bytes.len() < HEADER_SIZE || u32_at(0)? != HEADER_SIZE as u32 || bytes[4..20] != CLSID {
            return Err("not a shell link".into());
        }
        let flags = u32_at(0x14)?;
        let has = |bit: u32| flags & bit != 0;
        let unicode = has(0x80);
        let mut link = ShellLink {
            icon_index: u32_at(0x38)? as i32,
            ..ShellLink::default()
        };
        let mut at = HEADER_SIZE;
        if has(0x01) {
            // LinkTargetIDList: its size, then the list.
            at += 2 + u16_at(at)?;
        }
        if has(0x02) {
            let size = u32_at(at)? as usize;
            let local_base_path = u32_at(at + 16)? as usize;
            let info_flags = u32_at(at + 8)?;
            if info_flags & 1 != 0 && local_base_path != 0 {
                let start = at + local_base_path;
                let end = bytes[start..]
                    .iter()
                    .position(|b| *b == 0)
                    .map(|n| start + n)
                    .ok_or("LocalBasePath has no end")?;
                link.target = Some(String::from_utf8_lossy(&bytes[start..end]).into_owned());
            }
            at += size;
        }
        let string = |at: &mut usize| -> Result<String, String> {
            let count = u16_at(*at)?;
            *at += 2;
            let text = if unicode {
                let units: Vec<u16> = (0..count)
                    .map(|i| u16_at(*at + 2 * i).map(|u| u as u16))
                    .collect::<Result<_, _>>()?;
                *at += 2 * count;
                String::from_utf16_lossy(&units)
            } else {
                let text = String::from_utf8_lossy(&bytes[*at..*at + count]).into_owned();
                *at += count;
                text
            };
            // Some writers (Wine's among them) count the string's terminating NUL.
            Ok(text.trim_end_matches('\0').to_string())
        };
        if has(0x04) {
            link.description = Some(string(&mut at)?);
        }
        if has(0x08) {
            string(&mut at)?; // relative path
        }
        if has(0x10) {
            link.working_dir = Some(string(&mut at)?);
        }
        if has(0x20) {
            link.arguments = Some(string(&mut at)?);
        }
        if has(0x40) {
            link.icon_location = Some(string(&mut at)?);
        }
        // ExtraData blocks, each with its size and signature, up to a terminal block.
        while let (Ok(size), Ok(signature)) = (u32_at(at), u32_at(at + 4)) {
            if size < 4 {
                break;
            }
            if signature == 0xa000_0009 {
                link.has_property_store = true;
            }
            at += size as usize;
        }
        Ok(link)
    }
}

/// A path as Windows programs under Wine see it: the Unix root is drive Z:.
pub fn wine_path(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("Z:{}", absolute.display()).replace('/', "\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desktop_entry_is_read_by_its_main_group() {
        let keys = desktop_entry("# c\n[Desktop Entry]\nName=Synkvakt\nExec=synkvakt %U\n[Desktop Action x]\nName=Other\n");
        assert_eq!(keys["Name"], "Synkvakt");
        assert_eq!(keys["Exec"], "synkvakt %U");
        assert_eq!(keys.len(), 2);
    }

    #[test]
    fn a_png_header_gives_its_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&48u32.to_be_bytes());
        png.extend_from_slice(&24u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((48, 24)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
