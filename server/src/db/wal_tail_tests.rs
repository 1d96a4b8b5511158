use super::*;

/// Writes `records` the way SurrealKV's WAL writer does (blocks, padding, fragments).
fn write_log(records: &[Vec<u8>]) -> Vec<u8> {
    let mut log = Vec::new();
    for record in records {
        let mut rest = record.as_slice();
        let mut first = true;
        loop {
            let block_left = BLOCK - log.len() % BLOCK;
            if block_left < HEADER {
                log.resize(log.len() + block_left, 0);
                continue;
            }
            let take = rest.len().min(block_left - HEADER);
            let last = take == rest.len();
            let kind = match (first, last) {
                (true, true) => FULL,
                (true, false) => FIRST,
                (false, true) => LAST,
                (false, false) => MIDDLE,
            };
            push_physical(&mut log, kind, &rest[..take]);
            rest = &rest[take..];
            first = false;
            if last {
                break;
            }
        }
    }
    log
}

fn push_physical(log: &mut Vec<u8>, kind: u8, data: &[u8]) {
    let mut crc = crc32fast::Hasher::new();
    crc.update(&[kind]);
    crc.update(data);
    log.extend_from_slice(&crc.finalize().to_be_bytes());
    log.extend_from_slice(&(data.len() as u16).to_be_bytes());
    log.push(kind);
    log.extend_from_slice(data);
}

fn record(len: usize, fill: u8) -> Vec<u8> {
    vec![fill; len]
}

#[test]
fn whole_records_are_a_clean_tail() {
    assert_eq!(scan(&[]), (vec![], Tail::Clean));
    let log = write_log(&[record(10, 1), record(300, 2)]);
    let (records, tail) = scan(&log);
    assert_eq!(tail, Tail::Clean);
    assert_eq!(records, vec![Record { start: 0, end: 17, kind: FULL }, Record { start: 17, end: 324, kind: FULL }]);
}

#[test]
fn a_record_split_over_blocks_is_whole_once_its_last_fragment_is_there() {
    let log = write_log(&[record(100, 1), record(70_000, 2), record(5, 3)]);
    let (records, tail) = scan(&log);
    assert_eq!(tail, Tail::Clean);
    let kinds: Vec<u8> = records.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![FULL, FIRST, MIDDLE, LAST, FULL]);
    assert_eq!(records[1].end, BLOCK, "a First fragment fills its block");
}

#[test]
fn padding_at_the_end_of_a_block_is_skipped() {
    // The first record leaves 3 bytes in the block: the writer pads them before the next one.
    let first = record(BLOCK - HEADER - 3, 1);
    let log = write_log(&[first, record(20, 2)]);
    assert_eq!(&log[BLOCK - 3..BLOCK], &[0, 0, 0]);
    let (records, tail) = scan(&log);
    assert_eq!(tail, Tail::Clean);
    assert_eq!(records[1].start, BLOCK);
}

#[test]
fn a_partial_header_or_cut_data_is_an_unfinished_tail() {
    let log = write_log(&[record(10, 1), record(300, 2)]);
    for cut in [17 + 3, 17 + HEADER, 17 + HEADER + 100, log.len() - 1] {
        assert_eq!(scan(&log[..cut]).1, Tail::Unfinished { keep: 17 }, "cut at {cut}");
    }
}

#[test]
fn a_first_fragment_without_the_rest_is_unfinished() {
    // This is the shape that cost acknowledged writes: the log ends exactly at a block boundary
    // after a First fragment, which SurrealKV's reader takes for a clean end of file.
    let log = write_log(&[record(100, 1), record(40_000, 2)]);
    assert_eq!(scan(&log[..BLOCK]).1, Tail::Unfinished { keep: 107 });
}

#[test]
fn written_padding_or_zeros_without_a_following_record_are_cut() {
    let first = record(BLOCK - HEADER - 3, 1);
    let log = write_log(&[first, record(20, 2)]);
    assert_eq!(scan(&log[..BLOCK]).1, Tail::Unfinished { keep: BLOCK - 3 });
    let mut zeros = write_log(&[record(10, 1)]);
    zeros.resize(4096, 0);
    assert_eq!(scan(&zeros).1, Tail::Unfinished { keep: 17 });
}

#[test]
fn damage_before_the_end_is_left_to_surrealkv() {
    let mut log = write_log(&[record(10, 1), record(300, 2), record(10, 3)]);
    log[17 + HEADER + 5] ^= 0xff;
    assert_eq!(scan(&log).1, Tail::Damaged { at: 17 });
    let mut orphan = write_log(&[record(10, 1)]);
    push_physical(&mut orphan, LAST, &record(10, 2));
    assert_eq!(scan(&orphan).1, Tail::Damaged { at: 17 }, "a Last fragment without a First");
}

fn database_with_log(log: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("wal")).unwrap();
    std::fs::write(dir.path().join("wal/00000000000000000000.wal"), b"older segment, never touched").unwrap();
    std::fs::write(dir.path().join("wal/00000000000000000001.wal"), log).unwrap();
    dir
}

#[test]
fn trim_cuts_the_newest_segment_back_to_its_whole_records() {
    let log = write_log(&[record(10, 1), record(300, 2)]);
    let dir = database_with_log(&log[..200]);
    assert_eq!(trim(dir.path()).unwrap(), 200 - 17);
    assert_eq!(std::fs::read(dir.path().join("wal/00000000000000000001.wal")).unwrap(), &log[..17]);
    assert_eq!(trim(dir.path()).unwrap(), 0, "a clean log stays as it is");
    assert_eq!(
        std::fs::read(dir.path().join("wal/00000000000000000000.wal")).unwrap(),
        b"older segment, never touched"
    );
    assert_eq!(trim(tempfile::tempdir().unwrap().path()).unwrap(), 0, "no database yet");
}

#[test]
fn trim_leaves_a_database_that_another_process_holds_open() {
    let log = write_log(&[record(10, 1), record(300, 2)]);
    let dir = database_with_log(&log[..200]);
    let held = File::create(dir.path().join("LOCK")).unwrap();
    held.lock().unwrap();
    // flock locks belong to the open file description, so a second open in this process conflicts too.
    assert_eq!(trim(dir.path()).unwrap(), 0);
    assert_eq!(std::fs::read(dir.path().join("wal/00000000000000000001.wal")).unwrap().len(), 200);
}

#[test]
fn trim_reads_a_log_of_many_blocks() {
    let log = write_log(&[record(100, 1), record(70_000, 2), record(40_000, 3)]);
    let (records, _) = scan(&log);
    let first = *records.iter().rev().find(|r| r.kind == FIRST).unwrap();
    assert!(first.end >= 3 * BLOCK && first.end % BLOCK == 0);
    let dir = database_with_log(&log[..first.end]);
    assert_eq!(trim(dir.path()).unwrap(), first.end - first.start);
    let trimmed = std::fs::read(dir.path().join("wal/00000000000000000001.wal")).unwrap();
    assert_eq!((trimmed.len(), scan(&trimmed).1), (first.start, Tail::Clean));
}

#[test]
fn records_after_a_run_of_zeros_are_damage_not_a_tail() {
    let mut log = write_log(&[record(10, 1)]);
    log.resize(BLOCK + 100, 0);
    push_physical(&mut log, FULL, &record(10, 2));
    assert_eq!(scan(&log).1, Tail::Damaged { at: 17 });
}

#[test]
fn a_record_cut_many_blocks_back_is_found_from_the_end() {
    // Only the log's last blocks are read: here they hold nothing but Middle fragments, so the
    // reader steps further back until the record's start.
    let log = write_log(&[record(100, 1), record(200_000, 2)]);
    let dir = database_with_log(&log[..5 * BLOCK]);
    assert_eq!(trim(dir.path()).unwrap(), 5 * BLOCK - 107);
    let dir = database_with_log(&log[..5 * BLOCK + 1000]);
    assert_eq!(trim(dir.path()).unwrap(), 5 * BLOCK + 1000 - 107);
    let whole = write_log(&[record(100, 1), record(200_000, 2), record(10, 3)]);
    let dir = database_with_log(&whole);
    assert_eq!(trim(dir.path()).unwrap(), 0, "a clean log of many blocks stays as it is");
}
