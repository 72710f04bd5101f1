//! Deterministic generator of news-like Markdown drafts for benchmarks and tests.
//!
//! The drafts are made of our own invented sentences, names and places, mixed the way a real
//! draft mixes them: a title, front matter now and then, paragraphs of attributed claims and
//! direct quotations, hedges, vague sources, names written two ways, lists, block quotes,
//! links, inline code, bare URLs, a code block, a table. The same seed always gives the same
//! draft, so benchmark figures are comparable between runs.

#![allow(dead_code)]

/// A small, fast, deterministic pseudo-random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; 0 is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

const FIRST: &[&str] = &[
    "Marta", "Tomas", "Ilse", "Oren", "Keziah", "Bram", "Lucía", "Anouk", "Piet", "Zofia", "Emeka",
    "Saoirse", "Jōji", "Ruairí", "Noor", "Henrik",
];
const LAST: &[&str] = &[
    "Varga",
    "Lindqvist",
    "Okafor",
    "Brennan",
    "Tamm",
    "Halloran",
    "Ferreira",
    "Kowalczyk",
    "Aaltonen",
    "Mbeki-Roux",
    "Dervish",
    "Castellano",
    "Ó Dúill",
    "Nakamura",
];
const TITLE: &[&str] = &[
    "Mayor",
    "Finance Minister",
    "Chief Inspector",
    "Councillor",
    "Dr.",
    "Gen.",
    "Sen.",
    "Prof.",
    "Ms.",
    "Mr.",
];
const PLACE: &[&str] = &[
    "Harrowgate",
    "the Vell valley",
    "Port Amsel",
    "Kyiv",
    "the U.S.",
    "St. Brennock",
    "Oldmere",
    "Lake Tarnow",
    "the northern district",
    "Quillon Bay",
];
const ORG: &[&str] = &[
    "the transport authority",
    "Acme Freight Inc.",
    "the regional council",
    "the health board",
    "the water company",
    "the port workers' union",
    "Northwind Ltd.",
];
const SUBJECT: &[&str] = &[
    "The council",
    "The new bridge",
    "Ticket prices",
    "The ferry service",
    "The budget",
    "Rainfall",
    "The inquiry",
    "Local schools",
    "The closure",
    "Tourism",
];
const VERB: &[&str] = &[
    "rose by 3.5 per cent",
    "will reopen on Jan. 5",
    "was delayed until the spring",
    "fell for the third month running",
    "has cost more than $1,200,000",
    "is expected to double",
    "could signal a change of course",
    "appears to have stalled",
    "may be scrapped",
    "reportedly stalled in talks",
    "closed at 6 p.m. on Friday",
];
const VAGUE: &[&str] = &[
    "Sources suggest",
    "Officials noted that",
    "Many experts say",
    "It is believed that",
    "Critics argue that",
    "Observers said",
    "According to people familiar with the matter,",
];
const CLAIM: &[&str] = &[
    "the plan is final",
    "the vote will be close",
    "the figures were revised",
    "the contract was signed last week",
    "the cost was underestimated",
    "more staff will be hired",
];
const QUOTE: &[&str] = &[
    "We will not walk away from this",
    "It may take years, and we know that",
    "Nobody told us the road would close",
    "The numbers speak for themselves",
    "I think it could still work",
    "We were ‘surprised’ by the decision",
];
const SAID: &[&str] = &["said", "told reporters", "added", "wrote in a statement"];

/// A person's name, sometimes with a title.
fn person(r: &mut Rng) -> String {
    let name = format!("{} {}", r.pick(FIRST), r.pick(LAST));
    if r.chance(40) {
        format!("{} {name}", r.pick(TITLE))
    } else {
        name
    }
}

/// One sentence of news copy.
fn sentence(r: &mut Rng) -> String {
    match r.below(9) {
        0 => format!("{} {} in {}.", r.pick(SUBJECT), r.pick(VERB), r.pick(PLACE)),
        1 => format!("{} {}.", r.pick(VAGUE), r.pick(CLAIM)),
        2 => format!("“{},” {} {}.", r.pick(QUOTE), person(r), r.pick(SAID)),
        3 => format!(
            "{} {} that {}, according to {}.",
            person(r),
            r.pick(SAID),
            r.pick(CLAIM),
            r.pick(ORG)
        ),
        4 => format!(
            "\"{}\", {} said, \"and {}.\"",
            r.pick(QUOTE),
            r.pick(LAST),
            r.pick(CLAIM)
        ),
        5 => format!(
            "A spokesperson for {} said {} {}.",
            r.pick(ORG),
            r.pick(SUBJECT).to_lowercase(),
            r.pick(VERB)
        ),
        6 => format!(
            "{} — the {} of {} — {}.",
            person(r),
            r.pick(&["head", "spokesman", "chair", "deputy"]),
            r.pick(ORG),
            r.pick(VERB)
        ),
        7 => format!(
            "In {}, *{}* {} (see [the report](https://example.org/r/{}) or `id-{}`).",
            r.pick(PLACE),
            r.pick(SUBJECT).to_lowercase(),
            r.pick(VERB),
            r.below(1000),
            r.below(100)
        ),
        _ => format!(
            "The {} said the {} was {}… and details are at www.example.com/{}.",
            r.pick(ORG).trim_start_matches("the "),
            r.pick(&["review", "survey", "audit", "appeal"]),
            r.pick(&[
                "seen by some as a setback",
                "welcomed",
                "postponed",
                "final"
            ]),
            r.below(500)
        ),
    }
}

fn paragraph(r: &mut Rng, out: &mut String) {
    let n = 2 + r.below(4);
    for i in 0..n {
        if i > 0 {
            out.push(if r.chance(15) { '\n' } else { ' ' });
        }
        out.push_str(&sentence(r));
    }
    out.push_str("\n\n");
}

/// Appends one block (paragraph, heading, list, quote, code, table) to `out`.
fn block(r: &mut Rng, out: &mut String) {
    match r.below(20) {
        0 => {
            out.push_str("## ");
            out.push_str(r.pick(SUBJECT));
            out.push_str(" under review\n\n");
        }
        1 => {
            for _ in 0..2 + r.below(3) {
                out.push_str("- ");
                out.push_str(&sentence(r));
                out.push('\n');
            }
            out.push('\n');
        }
        2 => {
            out.push_str("> ");
            out.push_str(&sentence(r));
            out.push_str("\n> ");
            out.push_str(&sentence(r));
            out.push_str("\n\n");
        }
        3 if r.chance(30) => {
            out.push_str("```text\nstatus: pending; may change\nsources: internal\n```\n\n");
        }
        4 if r.chance(30) => {
            out.push_str("| District | Change |\n| --- | --- |\n| ");
            out.push_str(r.pick(PLACE));
            out.push_str(" | may rise |\n| Oldmere | fell 2% |\n\n");
        }
        5 if r.chance(20) => {
            out.push_str("<!-- newslint-disable-next-line speculation -->\n");
            paragraph(r, out);
        }
        6 if r.chance(30) => {
            // A quotation that runs on into the next paragraph.
            out.push('“');
            out.push_str(r.pick(QUOTE));
            out.push_str(". ");
            out.push_str(r.pick(QUOTE));
            out.push_str(".\n\n“");
            out.push_str(r.pick(QUOTE));
            out.push_str(",” ");
            out.push_str(&person(r));
            out.push_str(" said.\n\n");
        }
        _ => paragraph(r, out),
    }
}

/// A draft of at least `size` bytes (it stops at the first block boundary past it).
pub fn draft(size: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(size + 2048);
    if r.chance(30) {
        out.push_str("---\ntitle: ");
        out.push_str(r.pick(SUBJECT));
        out.push_str(" in question\nauthor: Desk\n---\n\n");
    }
    out.push_str("# ");
    out.push_str(&person(&mut r));
    out.push_str(" defends plan for ");
    out.push_str(r.pick(PLACE));
    out.push_str("\n\n");
    while out.len() < size {
        block(&mut r, &mut out);
    }
    out
}

/// Writes `n` drafts of about `size` bytes into `dir` as `draft-NNNN.md`; returns the total
/// number of bytes written.
pub fn write_corpus(dir: &std::path::Path, n: usize, size: usize) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for i in 0..n {
        let d = draft(size, i as u64 + 1);
        total += d.len();
        std::fs::write(dir.join(format!("draft-{i:04}.md")), d)?;
    }
    Ok(total)
}
