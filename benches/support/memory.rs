//! Resident memory of the real console binary once the gazetteer is loaded.
//!
//! Runs `rallybot console --db :memory:` (the binary cargo built for this bench, i.e. the
//! release profile under `cargo bench`), keeps its stdin open, sends `/help` and samples
//! /proc/PID/status, then sends `/rally near place:"Austin, TX"`, reads the first line of the
//! reply (the reply is computed before it is written, so the gazetteer is loaded by then) and
//! samples again while the console waits for more input.
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

pub struct Memory {
    pub binary: String,
    /// (VmRSS, VmHWM) in kB, before and after the gazetteer loads.
    pub before: (u64, u64),
    pub after: (u64, u64),
    pub reply: String,
}

pub fn measure(binary: &str) -> Memory {
    let cwd = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(binary)
        .args(["console", "--db", ":memory:"])
        .current_dir(cwd.path()) // no stray .env
        .env_remove("DATABASE_URL")
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {binary}: {e}"));
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));

    let mut ask = |line: &str| -> String {
        writeln!(stdin, "{line}").expect("writing to the console");
        stdin.flush().expect("flush");
        // Piped input is echoed as "> line", then the reply follows.
        let mut echo = String::new();
        loop {
            echo.clear();
            let n = stdout.read_line(&mut echo).expect("reading the console");
            assert!(n > 0, "the console exited early");
            if echo.trim_end() == format!("> {line}") {
                break;
            }
        }
        let mut first = String::new();
        stdout.read_line(&mut first).expect("reading the reply");
        std::thread::sleep(Duration::from_millis(300));
        first.trim_end().to_string()
    };
    ask("/help");
    let before = status(pid);
    let reply = ask("/rally near place:\"Austin, TX\"");
    let after = status(pid);
    drop(stdin); // end of input: the console exits
    let _ = child.wait();
    Memory {
        binary: binary.to_string(),
        before,
        after,
        reply,
    }
}

fn status(pid: u32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
