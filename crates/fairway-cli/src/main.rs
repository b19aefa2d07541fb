//! The `fairway` binary: the organiser's command line over `fairway-core`.
//!
//! Every subcommand is a thin face of one core function. On success it exits 0; on bad input it
//! prints one line on stderr naming the problem and exits 1 (clap's usage errors exit 2).
//! `--json` output is exactly one JSON document on stdout, in the shapes DESIGN.md promises.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use fairway_core::build::{self, BuildOptions};
use fairway_core::card::{CardField, CardOptions, ContactCard};
use fairway_core::model::Language;
use fairway_core::search::SearchQuery;
use fairway_core::snapshot::{self, Snapshot};
use fairway_core::synth;
use fairway_core::update;

#[derive(Debug, Parser)]
#[command(
    name = "fairway",
    version,
    about = "Fairway: build, sign, inspect and search fair snapshots"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate a fair source folder and write DIR/<fair-id>-<sequence>.sqlite and DIR/manifest.json.
    Build {
        /// The fair source folder (fair.toml, CSV files, images/).
        source: PathBuf,
        /// The output folder; nothing is left in it when the build fails.
        #[arg(long)]
        out: PathBuf,
        /// Snapshot sequence number; defaults to the previous manifest's sequence + 1 (or 1).
        #[arg(long)]
        sequence: Option<u64>,
        /// A minisign secret key (from `fairway keygen`); writes manifest.json.minisig.
        #[arg(long)]
        key: Option<PathBuf>,
    },
    /// Write a deterministic synthetic source folder of N exhibitors, for scale tests.
    Synth {
        /// How many exhibitors.
        #[arg(long)]
        exhibitors: usize,
        /// The source folder to write.
        #[arg(long)]
        out: PathBuf,
        /// Seed of the generator; the same seed writes the same folder.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The fair and the row counts of a snapshot.
    Info {
        snapshot: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// One exhibitor's whole profile, as the kiosk shows it.
    Show {
        snapshot: PathBuf,
        exhibitor_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Search exhibitors as a visitor would (names in English or 中文, pinyin, initials, booth codes).
    Search {
        snapshot: PathBuf,
        query: String,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// A walking route from a kiosk or a booth to a booth, across halls, step-free when asked.
    Route {
        snapshot: PathBuf,
        /// Where the route starts: a kiosk id or a booth code.
        #[arg(long, value_name = "KIOSK_ID|BOOTH_CODE")]
        from: String,
        /// The booth to walk to.
        #[arg(long, value_name = "BOOTH_CODE")]
        to: String,
        /// Never use stairs or escalators.
        #[arg(long)]
        step_free: bool,
        #[arg(long)]
        json: bool,
    },
    /// Check a snapshot against its manifest: size, hash, signature, sequence, expiry, integrity.
    Verify {
        snapshot: PathBuf,
        /// The organiser's public key; when given, a valid signature is required.
        #[arg(long)]
        pubkey: Option<PathBuf>,
    },
    /// An exhibitor's contact card: prints exactly the vCard bytes inside its QR code.
    Card {
        snapshot: PathBuf,
        exhibitor_id: String,
        /// Also write the QR code as a PNG.
        #[arg(long, value_name = "FILE", conflicts_with = "svg")]
        png: Option<PathBuf>,
        /// Also write the QR code as an SVG.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
        /// Pixels per QR module in the PNG.
        #[arg(long, default_value_t = 8)]
        module_px: u32,
        /// The language that comes first (en or zh); defaults to the fair's default language.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Install the feed's snapshot into a kiosk data folder if it is newer and passes every check.
    Install {
        /// A feed folder (manifest.json, its .minisig, the snapshot) or an http:// base URL.
        feed: String,
        /// The kiosk data folder (staging/, snapshots/, current, previous); created if needed.
        #[arg(long)]
        data: PathBuf,
        /// A pinned public key (fairway.pub); give it twice for the two rotation slots.
        #[arg(long, required = true)]
        pubkey: Vec<PathBuf>,
        /// Refuse snapshot files larger than this many bytes.
        #[arg(long)]
        max_size: Option<u64>,
    },
    /// Write a minisign key pair (fairway.pub, fairway.key) for signing snapshots.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// The hub: master data, the exhibitor API and the published feed.
    Hub {
        #[command(subcommand)]
        command: HubCommand,
    },
    /// Exhibitors' access codes for the hub.
    Codes {
        #[command(subcommand)]
        command: CodesCommand,
    },
    /// The organiser's review of exhibitors' submitted changes.
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Build and sign the next snapshot from the hub's master data (approved changes included).
    Publish {
        /// The hub's data folder.
        #[arg(long)]
        data: PathBuf,
        /// The minisign secret key (from `fairway keygen`).
        #[arg(long)]
        key: PathBuf,
        /// The feed folder the kiosks (or `fairway hub serve --feed`) read.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum HubCommand {
    /// Create the hub's data folder from a fair source folder (validated first).
    Init {
        source: PathBuf,
        /// A new or empty folder.
        #[arg(long)]
        data: PathBuf,
    },
    /// Serve the exhibitor API and the feed; prints the address it listens on.
    Serve {
        #[arg(long)]
        data: PathBuf,
        /// Loopback by default; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: std::net::SocketAddr,
        /// The published feed folder served under /feed; defaults to DATA/feed.
        #[arg(long)]
        feed: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum CodesCommand {
    /// Write new access codes (shown once) to a new CSV file; replaces older codes.
    Issue {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, conflicts_with = "all", required_unless_present = "all")]
        exhibitor: Option<String>,
        /// Every exhibitor.
        #[arg(long)]
        all: bool,
        /// The CSV file to create (exhibitor_id,name,code), readable by its owner only.
        #[arg(long)]
        out: PathBuf,
        /// The codes stop working after this many days.
        #[arg(long)]
        valid_days: Option<u32>,
    },
    /// Revoke an exhibitor's access code and end its sessions.
    Revoke {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        exhibitor: String,
    },
}

#[derive(Debug, Subcommand)]
enum ReviewCommand {
    /// Submissions waiting for review (all of them with --all).
    List {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// One submission: what it changes, field by field, and any conflict.
    Show {
        id: u64,
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Apply a submission to the master profile (version + 1).
    Approve {
        id: u64,
        #[arg(long)]
        data: PathBuf,
        /// Approve although the profile changed since the submission was made.
        #[arg(long)]
        overwrite: bool,
    },
    /// Refuse a submission; the exhibitor reads the reason.
    Reject {
        id: u64,
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        reason: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("fairway: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one subcommand; the error is the one line the organiser reads.
fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Build {
            source,
            out,
            sequence,
            key,
        } => {
            let opts = BuildOptions {
                sequence,
                secret_key: key,
                ..BuildOptions::default()
            };
            let report = build::build(&source, &out, &opts).map_err(|e| e.to_string())?;
            for w in &report.warnings {
                eprintln!("fairway: warning: {w}");
            }
            println!(
                "built {} (sequence {}, {} bytes) in {:.1} s",
                report.snapshot.display(),
                report.manifest.sequence,
                report.manifest.size,
                report.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Command::Synth {
            exhibitors,
            out,
            seed,
        } => {
            let report = synth::write_synthetic(&out, exhibitors, seed)
                .map_err(|e| format!("{}: {e}", out.display()))?;
            println!(
                "wrote {} exhibitors to {}",
                report.exhibitors,
                out.display()
            );
            Ok(())
        }
        Command::Info { snapshot, json } => {
            let snap = open(&snapshot)?;
            let info = snap.info().map_err(|e| e.to_string())?;
            if json {
                print_json(&info)
            } else {
                println!(
                    "{} / {} (sequence {})",
                    info.fair.name_en, info.fair.name_zh, info.sequence
                );
                let c = &info.counts;
                println!(
                    "halls {}, pavilions {}, categories {}, booths {}, exhibitors {}, products {}, kiosks {}, connectors {}, assets {}",
                    c.halls,
                    c.pavilions,
                    c.categories,
                    c.booths,
                    c.exhibitors,
                    c.products,
                    c.kiosks,
                    c.connectors,
                    c.assets
                );
                Ok(())
            }
        }
        Command::Show {
            snapshot,
            exhibitor_id,
            json,
        } => {
            let snap = open(&snapshot)?;
            let profile = snap
                .exhibitor(&exhibitor_id)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!(
                        "no exhibitor with id {exhibitor_id:?} in {}",
                        snapshot.display()
                    )
                })?;
            if json {
                print_json(&profile)
            } else {
                println!(
                    "{} {}",
                    profile.name_en,
                    profile.name_zh.as_deref().unwrap_or("")
                );
                println!("booths: {}", profile.booths.join(", "));
                if let Some(d) = &profile.description_en {
                    println!("{d}");
                }
                Ok(())
            }
        }
        Command::Search {
            snapshot,
            query,
            limit,
            json,
        } => {
            let snap = open(&snapshot)?;
            let q = SearchQuery {
                text: query,
                limit,
                ..SearchQuery::default()
            };
            let results = snap.search(&q).map_err(|e| e.to_string())?;
            if json {
                print_json(&serde_json::json!({ "results": results }))
            } else {
                for hit in &results {
                    println!(
                        "{:<10} {:<12} {} {}",
                        hit.id,
                        hit.booths.join(","),
                        hit.name_en,
                        hit.name_zh.as_deref().unwrap_or("")
                    );
                }
                if results.is_empty() {
                    println!("no results");
                }
                Ok(())
            }
        }
        Command::Route {
            snapshot,
            from,
            to,
            step_free,
            json,
        } => {
            let snap = open(&snapshot)?;
            let route = snap
                .route(&from, &to, step_free)
                .map_err(|e| e.to_string())?;
            if json {
                print_json(&route)
            } else {
                println!(
                    "{from} → {to}: {:.0} m, about {} min{}",
                    route.distance_m,
                    (route.walk_s / 60.0).ceil().max(1.0),
                    if route.step_free { ", step-free" } else { "" }
                );
                for leg in &route.legs {
                    let points: Vec<String> = leg
                        .points
                        .iter()
                        .map(|p| format!("({:.1}, {:.1})", p[0], p[1]))
                        .collect();
                    println!("  {}: {}", leg.hall, points.join(" → "));
                }
                for (i, step) in route.steps.iter().enumerate() {
                    println!("{}. {} / {}", i + 1, step.text_en, step.text_zh);
                }
                Ok(())
            }
        }
        Command::Verify { snapshot, pubkey } => {
            let report = snapshot::verify(&snapshot, pubkey.as_deref());
            for check in &report.checks {
                let mark = if check.ok { "ok  " } else { "FAIL" };
                println!("{mark} {:<10} {}", check.name, check.detail);
            }
            match report.first_failure() {
                None => Ok(()),
                Some(check) => Err(format!("{} check failed: {}", check.name, check.detail)),
            }
        }
        Command::Card {
            snapshot,
            exhibitor_id,
            png,
            svg,
            module_px,
            lang,
        } => card(&snapshot, &exhibitor_id, png, svg, module_px, lang),
        Command::Install {
            feed,
            data,
            pubkey,
            max_size,
        } => install(&feed, &data, &pubkey, max_size),
        Command::Hub { command } => hub(command),
        Command::Codes { command } => codes(command),
        Command::Review { command } => review(command),
        Command::Publish { data, key, out } => {
            let mut store = open_hub(&data)?;
            let published =
                fairway_hub::publish::publish(&mut store, &key, &out).map_err(|e| e.to_string())?;
            println!(
                "published sequence {} ({} exhibitors) as {} in {:.1} s",
                published.sequence,
                published.exhibitors,
                published.snapshot.display(),
                published.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Command::Keygen { out } => {
            let (public, secret) = snapshot::keygen(&out).map_err(|e| e.to_string())?;
            println!("public key: {}", public.display());
            println!("secret key: {} (keep it off the kiosks)", secret.display());
            Ok(())
        }
    }
}

/// `fairway install`: one install attempt; the error names the check that refused the feed.
fn install(
    feed: &str,
    data: &std::path::Path,
    pubkeys: &[PathBuf],
    max_size: Option<u64>,
) -> Result<(), String> {
    if pubkeys.len() > 2 {
        return Err("at most two --pubkey (the current key and the next one)".to_owned());
    }
    let keys = pubkeys
        .iter()
        .map(|p| snapshot::PublicKey::read(p).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let mut library = update::Library::open(data, keys).map_err(|e| e.to_string())?;
    if let Some(bytes) = max_size {
        library = library.with_max_size(bytes);
    }
    let installed = library
        .install(&update::Feed::parse(feed))
        .map_err(|e| e.to_string())?;
    let p = &installed.pointer;
    println!(
        "installed fair {} sequence {} as {} ({})",
        p.fair_id,
        p.sequence,
        installed.path.display(),
        installed.signed_by
    );
    if let Some(previous) = &installed.replaced {
        println!(
            "previous: sequence {} (kept as the fallback)",
            previous.sequence
        );
    }
    for name in &installed.pruned {
        println!("pruned: {name}");
    }
    Ok(())
}

/// `fairway card`: the vCard on stdout, byte for byte, and the QR image when asked for.
fn card(
    snapshot: &std::path::Path,
    exhibitor_id: &str,
    png: Option<PathBuf>,
    svg: Option<PathBuf>,
    module_px: u32,
    lang: Option<String>,
) -> Result<(), String> {
    use std::io::Write as _;

    let snap = open(snapshot)?;
    let profile = snap
        .exhibitor(exhibitor_id)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!(
                "no exhibitor with id {exhibitor_id:?} in {}",
                snapshot.display()
            )
        })?;
    let lang = match lang {
        Some(lang) => lang,
        None => snap.fair().map_err(|e| e.to_string())?.default_language,
    };
    let primary = match lang.to_ascii_lowercase().as_str() {
        "en" => Language::En,
        "zh" => Language::Zh,
        other => return Err(format!("--lang must be en or zh, not {other:?}")),
    };
    let card = ContactCard::from_profile(
        &profile,
        CardOptions {
            primary,
            ..CardOptions::default()
        },
    );
    let text = card.vcard();
    if png.is_some() || svg.is_some() {
        let symbol = card.qr().map_err(|e| e.to_string())?;
        if let Some(path) = png {
            let bytes = symbol.to_png(module_px).map_err(|e| e.to_string())?;
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if let Some(path) = svg {
            std::fs::write(&path, symbol.to_svg())
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if !card.dropped.is_empty() || !card.shortened.is_empty() {
        let names = |fields: &[CardField]| {
            fields
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        eprintln!(
            "fairway: card {exhibitor_id}: left out to fit {} bytes: [{}]; shortened: [{}]",
            fairway_core::card::PAYLOAD_BUDGET,
            names(&card.dropped),
            names(&card.shortened)
        );
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing the card to stdout: {e}"))
}

fn open_hub(data: &std::path::Path) -> Result<fairway_hub::store::Store, String> {
    fairway_hub::store::Store::open(data).map_err(|e| e.to_string())
}

/// `fairway hub init|serve`.
fn hub(command: HubCommand) -> Result<(), String> {
    match command {
        HubCommand::Init { source, data } => {
            let report = fairway_hub::init::init(&source, &data).map_err(|e| e.to_string())?;
            for w in &report.warnings {
                eprintln!("fairway: warning: {w}");
            }
            println!(
                "hub data for fair {} ({} exhibitors) in {}",
                report.fair_id,
                report.exhibitors,
                data.display()
            );
            Ok(())
        }
        HubCommand::Serve { data, listen, feed } => {
            let mut opts = fairway_hub::server::ServeOptions::new(&data);
            opts.listen = listen;
            opts.feed = feed;
            if !listen.ip().is_loopback() {
                eprintln!(
                    "fairway: warning: listening on {listen}, beyond this computer: the API is plain HTTP, so keep it on the fair's own network or put a TLS proxy in front"
                );
            }
            let running = fairway_hub::server::start(opts).map_err(|e| e.to_string())?;
            println!("fairway hub listening on {}", running.url());
            use std::io::Write as _;
            let _ = std::io::stdout().flush();
            running.wait().map_err(|e| e.to_string())
        }
    }
}

/// `fairway codes issue|revoke`.
fn codes(command: CodesCommand) -> Result<(), String> {
    use fairway_hub::codes::Recipients;
    match command {
        CodesCommand::Issue {
            data,
            exhibitor,
            all,
            out,
            valid_days,
        } => {
            let recipients = match (exhibitor, all) {
                (Some(id), false) => Recipients::One(id),
                (None, true) => Recipients::All,
                _ => return Err("give --exhibitor ID or --all".to_owned()),
            };
            let mut store = open_hub(&data)?;
            let n = fairway_hub::codes::issue(&mut store, &recipients, &out, valid_days)
                .map_err(|e| e.to_string())?;
            println!(
                "wrote {n} access code{} to {} (shown once: hand them out, then delete the file)",
                if n == 1 { "" } else { "s" },
                out.display()
            );
            Ok(())
        }
        CodesCommand::Revoke { data, exhibitor } => {
            let mut store = open_hub(&data)?;
            store.revoke_code(&exhibitor).map_err(|e| e.to_string())?;
            println!("revoked the access code of {exhibitor} and ended its sessions");
            Ok(())
        }
    }
}

/// `fairway review list|show|approve|reject`.
fn review(command: ReviewCommand) -> Result<(), String> {
    match command {
        ReviewCommand::List { data, all, json } => {
            let store = open_hub(&data)?;
            let list = store.review_list(all).map_err(|e| e.to_string())?;
            let mut rows = Vec::new();
            for s in &list {
                let current = store
                    .profile(&s.exhibitor_id)
                    .map_err(|e| e.to_string())?
                    .map_or(0, |(v, _)| v);
                rows.push((s, current));
            }
            if json {
                let items: Vec<_> = rows
                    .iter()
                    .map(|(s, current)| {
                        serde_json::json!({
                            "id": s.id,
                            "exhibitor_id": s.exhibitor_id,
                            "name_en": s.profile.name_en,
                            "base_version": s.base_version,
                            "current_version": current,
                            "conflict": s.state == fairway_hub::api::ReviewState::Pending
                                && *current != s.base_version,
                            "state": s.state,
                            "reason": s.reason,
                            "submitted": s.submitted,
                            "decided": s.decided,
                        })
                    })
                    .collect();
                return print_json(&serde_json::json!({ "submissions": items }));
            }
            for (s, current) in &rows {
                let conflict = if s.state == fairway_hub::api::ReviewState::Pending
                    && *current != s.base_version
                {
                    format!("  CONFLICT: profile is at version {current}")
                } else {
                    String::new()
                };
                println!(
                    "{:>5}  {:<10} {:<10} {}  from version {}  {}{conflict}",
                    s.id,
                    s.state.as_str(),
                    s.exhibitor_id,
                    s.submitted,
                    s.base_version,
                    s.profile.name_en
                );
            }
            if rows.is_empty() {
                println!("no submissions waiting for review");
            }
            Ok(())
        }
        ReviewCommand::Show { id, data, json } => {
            let store = open_hub(&data)?;
            let review = fairway_hub::review::review(&store, id).map_err(|e| e.to_string())?;
            if json {
                return print_json(&review);
            }
            let s = &review.submission;
            println!(
                "submission {} by {} ({}), {}, made from version {}; the profile is at version {}",
                s.id,
                s.exhibitor_id,
                s.state.as_str(),
                s.submitted,
                s.base_version,
                review.current_version
            );
            if let Some(reason) = &s.reason {
                println!("reason: {reason}");
            }
            if review.conflict {
                println!(
                    "CONFLICT: the profile changed since this submission was made; below, current is version {} and submitted is what the exhibitor sent from version {}",
                    review.current_version, s.base_version
                );
            }
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(empty)".to_owned());
            for change in &review.changes {
                println!("{}:", change.field);
                println!("  current:   {}", show(&change.current));
                println!("  submitted: {}", show(&change.submitted));
            }
            if review.changes.is_empty() {
                println!("no field differs from the current profile");
            }
            Ok(())
        }
        ReviewCommand::Approve {
            id,
            data,
            overwrite,
        } => {
            let mut store = open_hub(&data)?;
            let version = store.approve(id, overwrite).map_err(|e| e.to_string())?;
            println!("approved submission {id}: the profile is now version {version}");
            Ok(())
        }
        ReviewCommand::Reject { id, data, reason } => {
            let mut store = open_hub(&data)?;
            store.reject(id, &reason).map_err(|e| e.to_string())?;
            println!("rejected submission {id}");
            Ok(())
        }
    }
}

fn open(path: &std::path::Path) -> Result<Snapshot, String> {
    Snapshot::open(path).map_err(|e| e.to_string())
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}
