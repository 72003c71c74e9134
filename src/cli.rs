//! The bulk subcommands, `rallybot import` and `rallybot export`: a coalition's spreadsheet in,
//! the same format out. Replies go to stdout, problems and progress to stderr.
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::error::report;
use crate::service::bulk::{ImportError, ImportOptions, ImportReport, Progress};
use crate::service::{Clock, Service};
use crate::store::Store;

/// Files shorter than this finish too fast to need progress lines.
const PROGRESS_FROM: usize = 200;

/// Prints "checked 300 of 1000 rows" at every tenth of a long file.
struct Tenths {
    last: AtomicUsize,
}

impl Progress for Tenths {
    fn update(&self, phase: &'static str, done: usize, total: usize) {
        if total < PROGRESS_FROM {
            return;
        }
        let tenth = done * 10 / total;
        // Each phase restarts at 0; `last` holds phase (1 or 2) * 100 + tenth.
        let mark = if phase == "checked" { 100 } else { 200 } + tenth;
        if self.last.swap(mark, Ordering::Relaxed) != mark {
            eprintln!("{phase} {done} of {total} rows");
        }
    }
}

pub async fn import(
    store: Store,
    clock: Arc<dyn Clock>,
    file: &Path,
    options: ImportOptions,
) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rallybot can't read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let service = Service::new(store, clock);
    let progress = Tenths {
        last: AtomicUsize::new(usize::MAX),
    };
    match service.import_csv(&bytes, &options, &progress).await {
        Ok(report) => {
            println!("{}", summary(&report, options.server_id));
            ExitCode::SUCCESS
        }
        Err(ImportError::Rows(errors)) => {
            for e in &errors {
                eprintln!("{}: {e}", file.display());
            }
            eprintln!(
                "{} row{} of {} need fixing; nothing was imported.",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                file.display()
            );
            ExitCode::FAILURE
        }
        Err(ImportError::File(why)) => {
            eprintln!("{}: {why} Nothing was imported.", file.display());
            ExitCode::FAILURE
        }
        Err(ImportError::Internal(e)) => {
            eprintln!("{}", report(&e, "import"));
            ExitCode::FAILURE
        }
    }
}

fn summary(r: &ImportReport, server: i64) -> String {
    let into = match &r.campaign {
        Some(c) => format!("server {server}, campaign \"{c}\""),
        None => format!("server {server}"),
    };
    if r.dry_run {
        format!(
            "Dry run: all {} rows are valid. Importing into {into} would create {}, update {} and leave {} unchanged. Nothing was written.",
            r.rows, r.created, r.updated, r.unchanged
        )
    } else {
        format!(
            "Imported {} rows into {into}: {} created, {} updated, {} unchanged.",
            r.rows, r.created, r.updated, r.unchanged
        )
    }
}

pub async fn export(
    store: Store,
    clock: Arc<dyn Clock>,
    server_id: i64,
    campaign: Option<&str>,
    output: Option<&Path>,
) -> ExitCode {
    let service = Service::new(store, clock);
    let (csv, rows) = match service.export_csv(server_id, campaign).await {
        Ok(done) => done,
        Err(e) => {
            eprintln!("{}", report(&e, "export"));
            return ExitCode::FAILURE;
        }
    };
    let written = match output {
        Some(path) => std::fs::write(path, &csv),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&csv).and_then(|_| out.flush())
        }
    };
    if let Err(e) = written {
        eprintln!("rallybot can't write the export: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "Exported {rows} rall{} of server {server_id}.",
        if rows == 1 { "y" } else { "ies" }
    );
    ExitCode::SUCCESS
}

/// `rallybot map`: a server's upcoming rallies, or a search's, drawn into a PNG or SVG file.
pub async fn map(
    service: &Service,
    server_id: i64,
    near: Option<String>,
    radius: Option<f64>,
    output: &Path,
) -> ExitCode {
    use crate::service::public::{MapData, SearchForm};
    use crate::web::map;
    let near = near.map(|place| SearchForm { place, radius });
    let scene = match service.public_map(server_id, near).await {
        Ok(MapData::All(rallies)) => {
            eprintln!("{} upcoming rallies", rallies.len());
            map::campaign_scene(&rallies, crate::i18n::Lang::En)
        }
        Ok(MapData::Near(search)) => match &search.outcome {
            Ok(found) => {
                eprintln!("{} rallies near {}", found.rallies.len(), found.origin.name);
                map::near_scene(found, search.radius, crate::i18n::Lang::En)
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
        Err(e) => {
            eprintln!("{}", report(&e, "map"));
            return ExitCode::FAILURE;
        }
    };
    let (width, height) = map::SIZE;
    let svg = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let drawn = if svg {
        ::map::render_svg(&scene, width, height).map(String::into_bytes)
    } else {
        ::map::render_png(&scene, width * 2, height * 2)
    };
    let bytes = match drawn {
        Ok(b) => b,
        Err(e) => {
            eprintln!("rallybot can't draw the map: {e}");
            return ExitCode::FAILURE;
        }
    };
    match std::fs::write(output, bytes) {
        Ok(()) => {
            println!("wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rallybot can't write {}: {e}", output.display());
            ExitCode::FAILURE
        }
    }
}
