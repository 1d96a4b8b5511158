//! Reading an input: its records mapped on every core, what identifies each kept in memory, the
//! mapped records themselves in a temporary file (`Spill`) that the writing reads back.
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::io::{BufRead, Seek, Write as _};

use super::classify::ProfessionRef;
use super::draft::Draft;
use super::geo::Gazetteer;
use super::input::{Findings, Format};
use super::listing::{self, Mapped, Rules};
use super::tally::{Decision, Seen, Tally, seen_of};
use crate::db::DbError;

/// Records are mapped this many at a time, spread over the cores.
pub const MAP_CHUNK: usize = 1024;

/// What reading keeps of each record: what identifies it, and the mapped record in the spill file.
pub struct Gathered<'a> {
    pub seen: Vec<Option<Seen>>,
    pub first_ids: HashMap<String, usize>,
    pub spill: Spill,
    pub tally: &'a mut Tally,
    pub progress: &'a mut (dyn FnMut(usize) + Send),
}

impl Gathered<'_> {
    pub fn take(&mut self, mapped: Option<Mapped>, mut findings: Findings) {
        let record = mapped.and_then(|m| {
            let id = &m.listing.external_id;
            if let Some(first) = self.first_ids.get(id) {
                findings.warn("identifier", format!("„{id}“ kam schon in Datensatz {first} vor; übersprungen"));
                return None;
            }
            self.first_ids.insert(id.clone(), self.seen.len());
            self.spill.push(&m);
            Some(seen_of(&m))
        });
        self.tally.errors.extend(findings.errors);
        self.tally.warnings.extend(findings.warnings);
        self.seen.push(record);
        (self.progress)(self.seen.len());
    }
}

/// Maps the `pending` records (and empties the list), on every core, in order.
pub fn map_all(
    pending: &mut Vec<(Format, Draft, Findings)>,
    professions: &[ProfessionRef],
    now: DateTime<Utc>,
) -> Vec<(Option<Mapped>, Findings)> {
    let map_one = |(format, draft, mut findings): (Format, Draft, Findings)| {
        let mapped = listing::map(draft, &mut findings, &rules(professions, format, now));
        (mapped, findings)
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let size = pending.len().div_ceil(cores).max(1);
    let mut parts: Vec<Vec<_>> = Vec::new();
    while !pending.is_empty() {
        let rest = pending.split_off(size.min(pending.len()));
        parts.push(std::mem::replace(pending, rest));
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(map_one).collect::<Vec<_>>()))
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// The mapped records of an input, one JSON line each, in a temporary file (deleted when dropped).
pub struct Spill {
    file: std::io::BufWriter<std::fs::File>,
    /// The first write that failed: the file is of no use then.
    failed: Option<std::io::Error>,
}

/// The records of a [`Spill`], read back from its start.
pub struct Spilled(std::fs::File);

impl Spill {
    pub fn new() -> std::io::Result<Self> {
        Ok(Spill { file: std::io::BufWriter::new(tempfile::tempfile()?), failed: None })
    }

    pub fn push(&mut self, mapped: &Mapped) {
        if self.failed.is_none() {
            let line = serde_json::to_writer(&mut self.file, mapped).map_err(std::io::Error::from);
            self.failed = line.and_then(|_| self.file.write_all(b"\n")).err();
        }
    }

    pub fn finish(self) -> std::io::Result<Spilled> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        Ok(Spilled(self.file.into_inner().map_err(|e| e.into_error())?))
    }
}

impl Spilled {
    /// Each record with its decision, from the first.
    pub fn records<'a>(
        &'a mut self,
        decisions: &'a [Decision],
        source: &'a str,
    ) -> Result<impl Iterator<Item = Result<(Decision, Mapped), DbError>> + 'a, DbError> {
        // The file's own errors count as shape errors: the mapped records could not be read back.
        let unreadable = |e| DbError::Shape(serde_json::Error::io(e));
        self.0.seek(std::io::SeekFrom::Start(0)).map_err(unreadable)?;
        let lines = std::io::BufReader::new(&self.0).lines();
        let kept = decisions.iter().copied().filter(|d| *d != Decision::Skip);
        Ok(kept.zip(lines).map(move |(decision, line)| {
            let line = line.map_err(unreadable)?;
            let mut mapped: Mapped = serde_json::from_str(&line)?;
            mapped.listing.summary.source = source.to_owned();
            Ok((decision, mapped))
        }))
    }
}

/// The rules of mapping for `format` (Jobsuche result lists carry no descriptions).
fn rules(professions: &[ProfessionRef], format: Format, now: DateTime<Utc>) -> Rules<'_> {
    Rules { professions, gazetteer: Gazetteer::shipped(), now, descriptions: format != Format::Jobsuche }
}
