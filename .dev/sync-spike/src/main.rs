//! Issue 18's spike: one scripted incident workload through Automerge and
//! through Yjs (yrs), measuring what a team of Heralds would pay for each.
//! `cargo run --release -- <automerge|yrs|both>`; memory is read per engine in
//! its own process, so run each engine alone for the memory line.

mod am;
mod y;

/// What every engine must do for Herald, on the same script.
pub trait Replica: Sized {
    fn new(actor: u8) -> Self;
    /// Appends a timeline event by its id.
    fn add_event(&mut self, id: &str, json: &str);
    /// Types one character into the shared draft at `at` (in characters).
    fn type_char(&mut self, at: u32, c: char);
    /// Sets one field of an ask (newest wins).
    fn set_ask_field(&mut self, ask: &str, field: &str, value: &str);
    /// Bytes on the wire to bring `other` up to date with `self` right after
    /// a local change (one peer to one peer; a relaying server doubles it).
    fn push_to(&mut self, other: &mut Self) -> usize;
    /// Both peers reconcile after a partition: bytes both ways.
    fn reconcile(&mut self, other: &mut Self) -> usize;
    fn events(&self) -> Vec<String>;
    fn draft(&self) -> String;
    fn ask_field(&self, ask: &str, field: &str) -> Option<String>;
    fn saved_len(&mut self) -> usize;
}

fn event(n: usize, who: u8) -> (String, String) {
    let id = format!("{who:02x}-{n:06}");
    // Varied words, so compression does not flatter an engine that stores
    // compressed columns: real updates differ from one another.
    const WORDS: [&str; 16] = [
        "checkout", "errors", "elevated", "customers", "payments", "recovering",
        "investigating", "latency", "Europe", "mobile", "sign-in", "delayed",
        "orders", "monitoring", "partial", "refunds",
    ];
    let mut seed = (n as u64 + 1) * 6364136223846793005 + who as u64;
    let text: Vec<&str> = (0..12)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            WORDS[(seed >> 60) as usize]
        })
        .collect();
    let json = format!(
        r#"{{"id":"{id}","at":"2026-11-29T20:{:02}:{:02}Z","kind":"update_published","audience":"customers","text":"{}"}}"#,
        n % 60,
        (n * 7) % 60,
        text.join(" ")
    );
    (id, json)
}

fn rss_kib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4
}

fn run<R: Replica>(name: &str) {
    let mut a = R::new(1);
    let mut b = R::new(2);
    // Online: A appends 50 events, each pushed to B as it happens.
    let mut event_bytes = 0;
    for n in 0..50 {
        let (id, json) = event(n, 1);
        a.add_event(&id, &json);
        event_bytes += a.push_to(&mut b);
    }
    // Online: A types a 400-character draft, each keystroke pushed.
    let text: Vec<char> = "We are investigating elevated errors at checkout. "
        .repeat(8)
        .chars()
        .collect();
    let mut key_bytes = 0;
    for (i, c) in text.iter().enumerate() {
        a.type_char(i as u32, *c);
        key_bytes += a.push_to(&mut b);
    }
    let mut ask_bytes = a.push_to(&mut b);
    a.set_ask_field("ask-1", "owner", "Ana");
    ask_bytes += a.push_to(&mut b);
    assert_eq!(a.draft(), b.draft(), "{name}: online drafts differ");

    // Partition: both edit offline.
    for n in 0..20 {
        let (id, json) = event(100 + n, 1);
        a.add_event(&id, &json);
        let (id, json) = event(200 + n, 2);
        b.add_event(&id, &json);
    }
    let a_words: Vec<char> = " Next update by 21:00 UTC.".chars().collect();
    let b_words: Vec<char> = "UPDATE: ".chars().collect();
    let end = text.len() as u32;
    for (i, c) in a_words.iter().enumerate() {
        a.type_char(end + i as u32, *c);
    }
    for (i, c) in b_words.iter().enumerate() {
        b.type_char(i as u32, *c);
    }
    a.set_ask_field("ask-1", "owner", "Ana Lima");
    b.set_ask_field("ask-1", "owner", "Bo Chen");
    b.set_ask_field("ask-1", "due", "21:00");
    let merge_bytes = a.reconcile(&mut b);

    let converged = a.events() == b.events() && a.draft() == b.draft()
        && a.ask_field("ask-1", "owner") == b.ask_field("ask-1", "owner");
    let draft = a.draft();
    let both_kept = draft.starts_with("UPDATE: We are") && draft.ends_with("Next update by 21:00 UTC.");
    let events = a.events().len();
    println!("{name}:");
    println!("  bytes per timeline event (150-byte JSON): {:.0}", event_bytes as f64 / 50.0);
    println!("  bytes per draft keystroke: {:.1}", key_bytes as f64 / text.len() as f64);
    println!("  bytes for one ask field edit: {ask_bytes}");
    println!("  reconcile after a partition (20+20 events, 26+8 keystrokes, 3 field edits): {merge_bytes} bytes");
    println!(
        "  converged: {converged}; both drafts' words kept in order: {both_kept}; events {events} of 90; owner {:?}; due {:?} (both sides' edits to different fields kept)",
        a.ask_field("ask-1", "owner"),
        a.ask_field("ask-1", "due")
    );
    println!("  saved document after the script: {} bytes", a.saved_len());
}

fn memory<R: Replica>(name: &str) {
    let before = rss_kib();
    let started = std::time::Instant::now();
    let mut a = R::new(1);
    for n in 0..2000 {
        let (id, json) = event(n, 1);
        a.add_event(&id, &json);
    }
    for i in 0..5000u32 {
        a.type_char(i, 'x');
    }
    let took = started.elapsed();
    let after = rss_kib();
    println!(
        "{name} long incident (2,000 events, 5,000 keystrokes): resident +{} KiB, built in {:.0} ms, saved {} bytes",
        after.saturating_sub(before),
        took.as_secs_f64() * 1000.0,
        a.saved_len()
    );
}

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "both".into());
    if which == "automerge" || which == "both" {
        run::<am::Am>("automerge 0.7");
        memory::<am::Am>("automerge 0.7");
    }
    if which == "yrs" || which == "both" {
        run::<y::Y>("yrs 0.25");
        memory::<y::Y>("yrs 0.25");
    }
}
