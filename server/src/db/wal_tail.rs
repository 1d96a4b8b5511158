//! Cuts an unfinished record off the end of SurrealKV's write-ahead log before the database opens.
//!
//! SurrealKV 0.21.4 writes its log in 32 KiB blocks of records (`crc32 u32 BE, length u16 BE,
//! type u8`, then the data; a record that does not fit is split into First/Middle/Last fragments).
//! When the process dies inside a write (kill -9, OOM), the log can end in an unfinished record —
//! a partial header, or a First fragment whose rest never reached the file. Its recovery stops
//! reading there without cutting the leftover off, and the next run appends its commits behind it.
//! The recovery after that meets the leftover in the middle of the file, calls it corruption and
//! truncates the log at that point: every acknowledged commit of the run in between is gone.
//! `server/tests/it/durability.rs` reproduces this. Trimming the leftover at start closes the hole;
//! it only ever removes bytes of a record that was never complete, hence never acknowledged.
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

const BLOCK: usize = 32 * 1024;
const HEADER: usize = 7;

/// Physical record types of the log format.
pub const FULL: u8 = 1;
pub const FIRST: u8 = 2;
pub const MIDDLE: u8 = 3;
pub const LAST: u8 = 4;
const COMPRESSION: u8 = 9;

/// One physical record: where it starts and ends in the file, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub start: usize,
    pub end: usize,
    pub kind: u8,
}

/// What the end of a log looks like.
#[derive(Debug, PartialEq, Eq)]
pub enum Tail {
    /// The log ends after a whole record (or is empty).
    Clean,
    /// The log ends inside an unfinished record; the first `keep` bytes are whole records.
    Unfinished { keep: usize },
    /// A damaged record before the end: left to SurrealKV's own repair, nothing is cut here.
    Damaged { at: usize },
}

/// Reads a log block by block the way SurrealKV's reader does. A physical record never crosses a
/// block boundary and every block starts with a header, so reading can also begin at any block:
/// the type of its first record tells whether a record was still open before it.
struct Reader {
    /// End of the last whole logical record, once known.
    whole: Option<usize>,
    /// Inside a record split into fragments; `None` until the first record read after resuming.
    in_fragments: Option<bool>,
    /// Where a run of zeros began that has lasted so far.
    zeros_from: Option<usize>,
}

/// How reading a block ended.
enum Stop {
    /// The data ran out in the middle of a header or a record: the end of the log.
    End,
    Damaged(usize),
}

impl Reader {
    fn from_start() -> Self {
        Self { whole: Some(0), in_fragments: Some(false), zeros_from: None }
    }

    fn resume() -> Self {
        Self { whole: None, in_fragments: None, zeros_from: None }
    }

    /// Reads the block at `start` (a multiple of the block size; shorter only at the end of the log).
    fn block(&mut self, start: usize, bytes: &[u8], mut record: impl FnMut(Record)) -> Result<(), Stop> {
        let mut at = 0;
        while bytes.len() - at >= HEADER && BLOCK - at >= HEADER {
            let header = &bytes[at..at + HEADER];
            let pos = start + at;
            if let Some(from) = self.zeros_from {
                return if bytes[at..].iter().all(|&b| b == 0) { Ok(()) } else { Err(Stop::Damaged(from)) };
            }
            if header.iter().all(|&b| b == 0) {
                self.zeros_from = Some(pos); // never-written space, or damage if records follow
                continue;
            }
            let length = usize::from(u16::from_be_bytes([header[4], header[5]]));
            let kind = header[6];
            if HEADER + length > BLOCK - at {
                return Err(Stop::Damaged(pos));
            }
            let Some(data) = bytes.get(at + HEADER..at + HEADER + length) else {
                return Err(Stop::End); // the data never reached the file
            };
            let mut crc = crc32fast::Hasher::new();
            crc.update(&[kind]);
            crc.update(data);
            if crc.finalize() != u32::from_be_bytes([header[0], header[1], header[2], header[3]]) {
                return Err(Stop::Damaged(pos));
            }
            let end = pos + HEADER + length;
            match (kind, self.in_fragments) {
                (FULL | COMPRESSION, Some(false) | None) | (LAST, Some(true) | None) => {
                    self.in_fragments = Some(false);
                    self.whole = Some(end);
                }
                (FIRST, Some(false) | None) => {
                    // Whatever came before this record was whole.
                    self.whole = self.whole.or(Some(pos));
                    self.in_fragments = Some(true);
                }
                (MIDDLE, Some(true) | None) => self.in_fragments = Some(true),
                _ => return Err(Stop::Damaged(pos)),
            }
            record(Record { start: pos, end, kind });
            at += HEADER + length;
        }
        // Fewer than a header's bytes left: padding at the end of a full block, or a cut header.
        if bytes.len() < BLOCK && at < bytes.len() { Err(Stop::End) } else { Ok(()) }
    }

    /// The tail of a log of `len` bytes, or `None` if no whole record ended in what was read.
    fn tail(&self, len: usize) -> Option<Tail> {
        self.whole.map(|whole| if whole == len { Tail::Clean } else { Tail::Unfinished { keep: whole } })
    }
}

/// Reads the whole of `log` and returns its physical records and its tail.
pub fn scan(log: &[u8]) -> (Vec<Record>, Tail) {
    let mut records = Vec::new();
    let mut reader = Reader::from_start();
    for (i, bytes) in log.chunks(BLOCK).enumerate() {
        match reader.block(i * BLOCK, bytes, |r| records.push(r)) {
            Ok(()) => {}
            Err(Stop::End) => break,
            Err(Stop::Damaged(at)) => return (records, Tail::Damaged { at }),
        }
    }
    let tail = reader.tail(log.len()).unwrap_or(Tail::Clean);
    (records, tail)
}

/// The tail of the log in `file`, reading only its last blocks (further back, doubling, until a
/// whole record ends in what was read), so a large log costs no more than a small one.
fn scan_file(file: &mut File) -> std::io::Result<Tail> {
    let len = usize::try_from(file.metadata()?.len()).map_err(std::io::Error::other)?;
    let last_block = len.saturating_sub(1) / BLOCK * BLOCK;
    let mut blocks_back = 0;
    let mut bytes = vec![0; BLOCK];
    loop {
        let from = last_block.saturating_sub(blocks_back * BLOCK);
        let mut reader = if from == 0 { Reader::from_start() } else { Reader::resume() };
        file.seek(SeekFrom::Start(from as u64))?;
        for start in (from..len).step_by(BLOCK) {
            let bytes = &mut bytes[..BLOCK.min(len - start)];
            file.read_exact(bytes)?;
            match reader.block(start, bytes, |_| {}) {
                Ok(()) => {}
                Err(Stop::End) => break,
                Err(Stop::Damaged(at)) => return Ok(Tail::Damaged { at }),
            }
        }
        if let Some(tail) = reader.tail(len) {
            return Ok(tail);
        }
        blocks_back = (blocks_back * 2).max(1);
    }
}

/// The newest segment of the log in `<db>/wal` (the only one that is ever appended to).
fn newest_segment(db_dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(db_dir.join("wal"))
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "wal"))
        .filter_map(|path| Some((path.file_stem()?.to_str()?.parse::<u64>().ok()?, path)))
        .max_by_key(|(number, _)| *number)
        .map(|(_, path)| path)
}

/// Trims an unfinished record off the newest log segment of the SurrealKV database in `db_dir`.
/// Does nothing when another process holds the database open. Returns the bytes removed.
pub fn trim(db_dir: &Path) -> std::io::Result<usize> {
    let Some(segment) = newest_segment(db_dir) else {
        return Ok(0);
    };
    // SurrealKV takes an exclusive flock on `LOCK` while open; never touch a log in use.
    let lock = File::options().read(true).write(true).create(true).truncate(false).open(db_dir.join("LOCK"))?;
    if lock.try_lock().is_err() {
        return Ok(0);
    }
    let mut file = OpenOptions::new().read(true).write(true).open(&segment)?;
    let Tail::Unfinished { keep } = scan_file(&mut file)? else {
        return Ok(0);
    };
    let len = file.metadata()?.len();
    file.set_len(keep as u64)?;
    file.sync_all()?;
    Ok((len - keep as u64) as usize)
}

#[cfg(test)]
#[path = "wal_tail_tests.rs"]
mod tests;
