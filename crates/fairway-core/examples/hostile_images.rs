//! Time and peak memory of every hostile image (the corpus of `tests/hostile/`), printed as a
//! table: `cargo run --release -p fairway-core --example hostile_images` (or
//! `scripts/hostile-images.sh`).
//!
//! Each file is judged in a fresh child process, so its peak resident memory (`VmHWM` from
//! `/proc/self/status`) is its own and not the generator's: once through `media::reencode` as a
//! product picture, and once through `fairway build` of a one-exhibitor source folder that uses
//! it as the logo. The target is every refusal within one second with bounded memory.

#[path = "../tests/hostile/mod.rs"]
mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use fairway_core::build::{self, BuildOptions};
use fairway_core::media::{self, ImageRole};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("--reencode") => child_reencode(Path::new(&args[2])),
        Some("--build") => child_build(Path::new(&args[2])),
        _ => parent(),
    }
}

/// Peak resident memory of this process so far, in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Prints `verdict<TAB>milliseconds<TAB>peak KiB before<TAB>peak KiB after`.
fn report(verdict: String, started: Instant, before: u64) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    println!("{verdict}\t{ms:.1}\t{before}\t{}", peak_rss_kib());
}

fn child_reencode(file: &Path) {
    let bytes = std::fs::read(file).expect("reading the case");
    let before = peak_rss_kib();
    let started = Instant::now();
    let verdict = match media::reencode(&bytes, ImageRole::Product) {
        Ok(asset) => format!("accepted {}×{} {}", asset.width, asset.height, asset.mime),
        Err(e) => format!("refused: {e}"),
    };
    report(verdict, started, before);
}

fn child_build(source: &Path) {
    let out = tempfile::tempdir().expect("a temporary output folder");
    let before = peak_rss_kib();
    let started = Instant::now();
    let verdict = match build::build(source, out.path(), &BuildOptions::default()) {
        Ok(_) => "built".to_owned(),
        Err(e) => format!("refused: {e}"),
    };
    report(verdict, started, before);
}

struct Measure {
    verdict: String,
    ms: f64,
    peak_mib: f64,
    growth_mib: f64,
}

fn run_child(mode: &str, path: &Path) -> Measure {
    let exe = std::env::current_exe().expect("this program's path");
    let output = Command::new(exe)
        .arg(mode)
        .arg(path)
        .output()
        .expect("running a child");
    let text = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<&str> = text.trim_end().split('\t').collect();
    if !output.status.success() || fields.len() != 4 {
        return Measure {
            verdict: format!(
                "CHILD FAILED ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            ),
            ms: f64::NAN,
            peak_mib: f64::NAN,
            growth_mib: f64::NAN,
        };
    }
    let kib = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN) / 1024.0;
    Measure {
        verdict: fields[0].to_owned(),
        ms: fields[1].parse().unwrap_or(f64::NAN),
        peak_mib: kib(fields[3]),
        growth_mib: kib(fields[3]) - kib(fields[2]),
    }
}

/// A source folder using `case` as the logo of its one exhibitor.
fn write_source(dir: &Path, case: &hostile::Case) -> PathBuf {
    let source = dir.join(case.name);
    std::fs::create_dir_all(source.join("images")).expect("creating a source folder");
    let files = [
        (
            "fair.toml",
            "id = \"hostile\"\nname_en = \"Hostile Image Fair\"\nname_zh = \"恶意图片展\"\n\
             starts_on = \"2026-05-20\"\nends_on = \"2026-05-23\"\n\
             timezone = \"Asia/Shanghai\"\ndefault_language = \"en\"\n"
                .to_owned(),
        ),
        (
            "halls.csv",
            "code,name_en,name_zh,width_m,depth_m\nN1,Hall N1,N1馆,40,30\n".to_owned(),
        ),
        ("pavilions.csv", "slug,kind,name_en,name_zh\n".to_owned()),
        ("categories.csv", "slug,name_en,name_zh\n".to_owned()),
        (
            "booths.csv",
            "code,hall,x_m,y_m,width_m,depth_m\nN1-A01,N1,5,5,3,3\n".to_owned(),
        ),
        (
            "exhibitors.csv",
            format!(
                "id,name_en,booths,logo\nE1,Hostile Machinery,N1-A01,{}\n",
                case.file_name()
            ),
        ),
    ];
    for (name, text) in files {
        std::fs::write(source.join(name), text).expect("writing a source file");
    }
    std::fs::write(source.join("images").join(case.file_name()), &case.bytes)
        .expect("writing the case");
    source
}

fn parent() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let started = Instant::now();
    let corpus = hostile::corpus();
    eprintln!(
        "generated {} hostile files in {:.1} s",
        corpus.len(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "{:<30} {:>9}  {:>9} {:>8} {:>8}  {:>9} {:>8}  verdict (reencode as product picture)",
        "file", "bytes", "media ms", "peak MiB", "+MiB", "build ms", "peak MiB"
    );
    let mut slowest: f64 = 0.0;
    let mut highest: f64 = 0.0;
    for case in &corpus {
        let file = dir.path().join(case.file_name());
        std::fs::write(&file, &case.bytes).expect("writing the case");
        let media = run_child("--reencode", &file);
        let source = write_source(dir.path(), case);
        let build = run_child("--build", &source);
        let expected = match case.expect {
            hostile::Expect::Accepted => media.verdict.starts_with("accepted"),
            hostile::Expect::Refused(_) => media.verdict.starts_with("refused"),
        };
        slowest = slowest.max(media.ms).max(build.ms);
        highest = highest.max(media.peak_mib).max(build.peak_mib);
        println!(
            "{:<30} {:>9}  {:>9.1} {:>8.1} {:>8.1}  {:>9.1} {:>8.1}  {}{}",
            case.file_name(),
            case.bytes.len(),
            media.ms,
            media.peak_mib,
            media.growth_mib,
            build.ms,
            build.peak_mib,
            if expected { "" } else { "UNEXPECTED " },
            media.verdict
        );
        if build.verdict != "built" && !build.verdict.contains(case.file_name().as_str()) {
            println!("{:<30} build: {}", "", build.verdict);
        }
    }
    println!(
        "slowest verdict {slowest:.1} ms; highest peak resident memory {highest:.1} MiB (process included)"
    );
}
