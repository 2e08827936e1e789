//! A client log of 2 GB (sparse: it costs the disk nothing) is read by its end only: quickly,
//! and with its last lines.

use std::io::{Seek, SeekFrom, Write};
use std::time::{Duration, Instant};
use synkvakt_app::os::client_logs::{self, LineLevel, TAIL_BYTES};

#[test]
fn a_two_gigabyte_log_is_read_by_its_end_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eAdm-klient.log");
    let mut file = std::fs::File::create(&path).unwrap();
    let size: u64 = 2 * 1024 * 1024 * 1024;
    // The sparse part reads as one long line of zeros, ended where the client's lines begin.
    let end = b"\n2026-12-01 06:00:01 INFO Starter synkronisering\n\
                2026-12-01 06:00:09 ERROR Eksport til AD feilet: Access denied\n";
    file.set_len(size - end.len() as u64).unwrap();
    file.seek(SeekFrom::End(0)).unwrap();
    file.write_all(end).unwrap();
    drop(file);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), size);

    let started = Instant::now();
    let tail = client_logs::read(&path, None).unwrap();
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "reading the end took {took:?}"
    );
    assert!(!tail.whole, "only the end is read");
    assert_eq!(tail.size_bytes, size);
    assert_eq!(tail.end, size);
    let last: Vec<&str> = tail
        .lines
        .iter()
        .rev()
        .take(2)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        last,
        [
            "2026-12-01 06:00:09 ERROR Eksport til AD feilet: Access denied",
            "2026-12-01 06:00:01 INFO Starter synkronisering"
        ]
    );
    assert_eq!(tail.lines.last().unwrap().level, LineLevel::Error);
    // What lies before is the sparse file's zeros, read as at most the tail's worth.
    let read: usize = tail.lines.iter().map(|line| line.text.len()).sum();
    assert!(read as u64 <= TAIL_BYTES);
    println!("2 GB log: its end read in {took:?}");
}
