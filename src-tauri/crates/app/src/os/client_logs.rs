//! The client's log folder (`C:\eadm\loggfiler` on the client server, its admin share from
//! elsewhere): the newest files, and the end of one, followed as it grows. A file is never read
//! whole: only its last `TAIL_BYTES`, so a 2 GB log costs what a small one does. Text that is
//! not UTF-8 is read as Windows-1252, the client's usual encoding; UTF-16 with a byte-order
//! mark as such.

use chrono::{DateTime, Utc};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::Serialize;
use specta::Type;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use synkvakt_core::error::{Error, Result};

/// How much of a file's end is read: thousands of lines of a client's log.
pub const TAIL_BYTES: u64 = 256 * 1024;
/// The most lines handed to the page at once.
pub const MAX_LINES: usize = 2_000;
/// The most files listed, newest first.
pub const MAX_FILES: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LogFileView {
    pub name: String,
    // Bytes are counted in u64; the page's numbers hold them exactly up to 2^53.
    #[specta(type = f64)]
    pub size_bytes: u64,
    pub modified: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LogFolderView {
    /// The folder as this computer reaches it.
    pub folder: String,
    /// Newest first.
    pub files: Vec<LogFileView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum LineLevel {
    Error,
    Warning,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LogLineView {
    pub text: String,
    pub level: LineLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LogTailView {
    pub file: String,
    /// "UTF-8", "windows-1252", "UTF-16LE" or "UTF-16BE".
    pub encoding: String,
    pub lines: Vec<LogLineView>,
    /// Where the file ended when read: the next read for more starts here.
    #[specta(type = f64)]
    pub end: u64,
    #[specta(type = f64)]
    pub size_bytes: u64,
    /// Whether the lines start at the file's beginning (else only its end was read).
    pub whole: bool,
    /// The file was shorter than where the last read ended: it was replaced, and is read anew.
    pub restarted: bool,
}

/// The files of `folder`, newest first.
pub fn list(folder: &Path) -> Result<Vec<LogFileView>> {
    let entries = std::fs::read_dir(folder).map_err(|err| folder_error(folder, &err))?;
    let mut files: Vec<(Option<std::time::SystemTime>, LogFileView)> = entries
        .flatten()
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            metadata.is_file().then(|| {
                let modified = metadata.modified().ok();
                (
                    modified,
                    LogFileView {
                        name: entry.file_name().to_string_lossy().into_owned(),
                        size_bytes: metadata.len(),
                        modified: modified.map(DateTime::<Utc>::from),
                    },
                )
            })
        })
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    Ok(files
        .into_iter()
        .take(MAX_FILES)
        .map(|(_, file)| file)
        .collect())
}

/// A file name the page names: one name in the folder, never a path out of it.
pub fn file_in(folder: &Path, name: &str) -> Result<PathBuf> {
    let plain = !name.is_empty()
        && name.len() <= 255
        && !name.contains(['/', '\\', ':', '\0'])
        && name != "."
        && name != "..";
    if !plain {
        return Err(Error::Invalid {
            field: "log-file",
            rule: "file-name",
            limit: 0,
        });
    }
    Ok(folder.join(name))
}

/// The end of `path`, or what was written after `after` (where the last read ended) when it
/// is given and the file has not been replaced since.
pub fn read(path: &Path, after: Option<u64>) -> Result<LogTailView> {
    let mut file = std::fs::File::open(path).map_err(|err| file_error(path, &err))?;
    let size = file.metadata().map_err(|err| file_error(path, &err))?.len();
    let (encoding, bom) = encoding_of(&mut file).map_err(|err| file_error(path, &err))?;
    let restarted = after.is_some_and(|after| after > size);
    let from = match after.filter(|_| !restarted) {
        Some(after) => after.max(size.saturating_sub(TAIL_BYTES)),
        None => size.saturating_sub(TAIL_BYTES),
    };
    let mut from = from.max(bom);
    if encoding == UTF_16LE || encoding == UTF_16BE {
        // A UTF-16 character starts on an even byte after the mark.
        from += (from - bom) % 2;
    }
    file.seek(SeekFrom::Start(from))
        .map_err(|err| file_error(path, &err))?;
    let mut bytes = Vec::with_capacity((size - from.min(size)) as usize);
    file.take(size - from.min(size))
        .read_to_end(&mut bytes)
        .map_err(|err| file_error(path, &err))?;
    // A line cut by the tail's start, or one still being written at its end, is left for the
    // next read: only whole lines are shown.
    let continued = after.is_some() && !restarted && from == after.unwrap_or(0);
    let starts_whole = from == bom || continued;
    let (text, encoding) = decode(&bytes, encoding);
    let mut text = text.as_str();
    if !starts_whole {
        text = text.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let (complete, rest) = match text.rfind('\n') {
        Some(end) => (&text[..=end], &text[end + 1..]),
        None => ("", text),
    };
    let unread = encoding_len(rest, encoding);
    let lines: Vec<LogLineView> = complete
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty())
        .map(|line| LogLineView {
            text: line.to_string(),
            level: level_of(line),
        })
        .collect();
    let skip = lines.len().saturating_sub(MAX_LINES);
    Ok(LogTailView {
        file: path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        encoding: encoding.name().to_string(),
        whole: from == bom && skip == 0,
        lines: lines.into_iter().skip(skip).collect(),
        end: size - unread.min(size - from.min(size)),
        size_bytes: size,
        restarted,
    })
}

/// The file's encoding from its byte-order mark, with the mark's length; UTF-8 (checked when
/// decoded) without one.
fn encoding_of(file: &mut std::fs::File) -> std::io::Result<(&'static Encoding, u64)> {
    let mut start = [0u8; 3];
    let read = file.read(&mut start)?;
    Ok(match Encoding::for_bom(&start[..read]) {
        Some((encoding, length)) => (encoding, length as u64),
        None => (UTF_8, 0),
    })
}

/// The text, and the encoding it was in: UTF-8 that is not valid is Windows-1252.
fn decode(bytes: &[u8], encoding: &'static Encoding) -> (String, &'static Encoding) {
    if encoding == UTF_8 {
        // Only the first character may be cut by where the tail starts: up to 3 bytes of it.
        let valid = (0..4).find_map(|skip| {
            bytes
                .get(skip..)
                .and_then(|rest| std::str::from_utf8(rest).ok())
        });
        if let Some(text) = valid {
            return (text.to_string(), UTF_8);
        }
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return (text.into_owned(), WINDOWS_1252);
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), encoding)
}

/// How many bytes `text` took in `encoding`.
fn encoding_len(text: &str, encoding: &'static Encoding) -> u64 {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        (text.encode_utf16().count() * 2) as u64
    } else if encoding == WINDOWS_1252 {
        text.chars().count() as u64
    } else {
        text.len() as u64
    }
}

/// ERROR and WARN lines, as the client and most of what it calls write them, in English or
/// Norwegian.
pub fn level_of(line: &str) -> LineLevel {
    let words = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty());
    let mut level = LineLevel::Other;
    for word in words {
        match word.to_ascii_lowercase().as_str() {
            "error" | "err" | "fatal" | "exception" | "feil" => return LineLevel::Error,
            "warn" | "warning" | "advarsel" => level = LineLevel::Warning,
            _ => {}
        }
    }
    level
}

fn folder_error(folder: &Path, err: &std::io::Error) -> Error {
    let kind = match err.kind() {
        std::io::ErrorKind::NotFound => "missing",
        std::io::ErrorKind::PermissionDenied => "denied",
        _ => "unreachable",
    };
    Error::LogFolder {
        kind,
        folder: folder.display().to_string(),
        detail: err.to_string(),
    }
}

fn file_error(path: &Path, err: &std::io::Error) -> Error {
    // Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program holds the file.
    let kind = match err.raw_os_error() {
        Some(32 | 33) if cfg!(windows) => "locked",
        _ => match err.kind() {
            std::io::ErrorKind::NotFound => "missing",
            std::io::ErrorKind::PermissionDenied => "denied",
            _ => "unreachable",
        },
    };
    Error::LogFolder {
        kind,
        folder: path.display().to_string(),
        detail: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn texts(tail: &LogTailView) -> Vec<&str> {
        tail.lines.iter().map(|line| line.text.as_str()).collect()
    }

    #[test]
    fn error_and_warning_lines_are_told_from_the_rest() {
        assert_eq!(
            level_of("2026-12-01 06:00 ERROR Export AD"),
            LineLevel::Error
        );
        assert_eq!(level_of("06:00 [Feil] Eksport feilet"), LineLevel::Error);
        assert_eq!(
            level_of("06:00 WARN user 10437 has no mail"),
            LineLevel::Warning
        );
        assert_eq!(level_of("06:00 INFO Errorless run"), LineLevel::Other);
        assert_eq!(level_of("06:00 INFO done"), LineLevel::Other);
    }

    #[test]
    fn a_small_file_is_read_whole_and_followed_as_it_grows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("klient.log");
        std::fs::write(
            &path,
            "06:00 INFO start\n06:01 ERROR stopp\n06:02 INFO halv",
        )
        .unwrap();
        let first = read(&path, None).unwrap();
        assert!(first.whole);
        assert_eq!(texts(&first), ["06:00 INFO start", "06:01 ERROR stopp"]);
        assert_eq!(first.lines[1].level, LineLevel::Error);
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        file.write_all(b" linje\n06:03 WARN neste\n").unwrap();
        let more = read(&path, Some(first.end)).unwrap();
        assert_eq!(texts(&more), ["06:02 INFO halv linje", "06:03 WARN neste"]);
        assert!(!more.restarted);
        std::fs::write(&path, "07:00 INFO ny fil\n").unwrap();
        let replaced = read(&path, Some(more.end)).unwrap();
        assert!(replaced.restarted);
        assert_eq!(texts(&replaced), ["07:00 INFO ny fil"]);
    }

    #[test]
    fn windows_1252_and_utf16_are_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let latin = dir.path().join("latin.log");
        // "Ærlig Øystein på Åsen" in Windows-1252.
        std::fs::write(&latin, b"\xC6rlig \xD8ystein p\xE5 \xC5sen\n").unwrap();
        let tail = read(&latin, None).unwrap();
        assert_eq!(tail.encoding, "windows-1252");
        assert_eq!(texts(&tail), ["Ærlig Øystein på Åsen"]);
        let wide = dir.path().join("wide.log");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Åse\r\nOk\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&wide, bytes).unwrap();
        let tail = read(&wide, None).unwrap();
        assert_eq!(tail.encoding, "UTF-16LE");
        assert_eq!(texts(&tail), ["Åse", "Ok"]);
    }

    #[test]
    fn a_name_is_a_file_in_the_folder_never_a_path() {
        let folder = Path::new("/logs");
        assert!(file_in(folder, "klient.log").is_ok());
        for bad in ["../etc/passwd", "a/b", r"a\b", "C:x", "..", ""] {
            assert!(file_in(folder, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_missing_folder_is_said_as_such() {
        let err = list(Path::new("/no/such/folder")).unwrap_err();
        assert!(
            matches!(
                err,
                Error::LogFolder {
                    kind: "missing",
                    ..
                }
            ),
            "{err}"
        );
    }
}
