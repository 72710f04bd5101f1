use crate::analysis::names::{Mention, Names};
use crate::context::LintContext;
use crate::diagnostic::Diagnostic;
use crate::rules::{Lowered, Rule, RuleMeta};

crate::declare_rule! {
    /// One person is given different titles.
    ///
    /// ## What it flags
    /// A person whose formal title changes within the draft: "Foreign Minister Tsahkna" and
    /// later "Prime Minister Tsahkna". Courtesy titles (Mr, Ms, Dr, Sir) are not roles and are
    /// ignored, and so are titles marked as past or passing (Former, Acting, or "former",
    /// "then-", "the late" before them), a shortened title ("Minister" after "Foreign
    /// Minister"), two people of one surname with different given names, and a title with the
    /// surname alone where the draft names two people of that surname in full.
    ///
    /// ## Why it matters
    /// A title tells the reader who is speaking and with what authority. AP style capitalises a
    /// formal title before a name and does not repeat it on later references; when it is
    /// repeated, it must be the same title, or readers will think two people are meant, or
    /// that the person changed jobs in the middle of the story.
    ///
    /// ## Example
    /// ```markdown
    /// Foreign Minister Kadri Lepp met the envoys. Prime Minister Lepp later said talks failed.
    /// ```
    ///
    /// ## Better
    /// ```markdown
    /// Foreign Minister Kadri Lepp met the envoys. Lepp later said talks failed.
    /// ```
    ///
    /// ## Fix safety
    /// No fix: which title is right is a fact to check.
    ///
    /// ## Options
    /// None.
    pub struct TitleDrift {
        id: "names/title-drift",
        severity: Warning,
        enabled: true,
    }
}

/// The role a title names, or `None` for a courtesy or past title.
fn role<'a>(names: &'a Names, m: &Mention, source: &str) -> Option<&'a str> {
    let t = names.title(m)?;
    if t.split(' ')
        .any(|w| matches!(w, "Former" | "Acting" | "Elect" | "Shadow"))
    {
        return None;
    }
    // Civil offices only: military ranks, royal, religious and academic titles change or
    // combine for reasons a copy editor does not need flagged (General and President).
    let head = t.split(' ').next_back()?;
    let civil = matches!(
        head,
        "President"
            | "Minister"
            | "Secretary"
            | "Chancellor"
            | "Senator"
            | "Sen"
            | "Sen."
            | "Governor"
            | "Gov"
            | "Gov."
            | "Mayor"
            | "Ambassador"
            | "Commissioner"
            | "Speaker"
            | "Premier"
            | "Representative"
            | "Rep"
            | "Rep."
    );
    if !civil {
        return None;
    }
    // A past or future office: "former President", "then-Governor", "the late Senator".
    // (Read only for a civil office.)
    let before = m
        .title_span()
        .and_then(|s| source.get(..s.start))
        .unwrap_or("")
        .trim_end_matches([' ', '-']);
    let prev = Lowered::new(
        before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or(""),
    );
    if matches!(
        prev.as_str(),
        "former" | "then" | "late" | "ex" | "onetime" | "erstwhile" | "future" | "incoming"
    ) {
        return None;
    }
    Some(t)
}

/// A word of a title with its abbreviation spelled out (`Gen` → `General`).
fn expand_word(w: &str) -> &str {
    match w.trim_end_matches('.') {
        "Prof" => "Professor",
        "Gen" => "General",
        "Sen" => "Senator",
        "Rep" => "Representative",
        "Gov" => "Governor",
        "Lt" => "Lieutenant",
        "Col" => "Colonel",
        "Capt" => "Captain",
        "Sgt" => "Sergeant",
        "Maj" => "Major",
        "Adm" => "Admiral",
        "Cmdr" => "Commander",
        "Rev" => "Reverend",
        w => w,
    }
}

/// Title `t` with its abbreviations spelled out, written into `out` (cleared first), so that
/// one buffer serves every title compared.
fn expand_into(t: &str, out: &mut String) {
    out.clear();
    for (k, w) in t.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(expand_word(w));
    }
}

/// Whether two titles can name the same role ("Minister" and "Foreign Minister"): `a`, spelled
/// out as `expanded` ([`expand_into`]), and `b`, spelled out in the buffer `buf`.
fn compatible_with(a: &str, expanded: &str, b: &str, buf: &mut String) -> bool {
    // (A title is compatible with itself.)
    if a == b {
        return true;
    }
    expand_into(b, buf);
    let (a, b) = (expanded, buf.as_str());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.contains(' ')
        && long.ends_with(short)
        && !long
            .split(' ')
            .any(|w| matches!(w, "Prime" | "Vice" | "Deputy" | "Chief"))
}

impl Rule for TitleDrift {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let names = ctx.names();
        // The first role spelled out, and the title compared with it (buffers reused).
        let (mut first_expanded, mut buf) = (String::new(), String::new());
        for ms in names.people() {
            // Drift needs two titled mentions.
            if ms.len() < 2 {
                continue;
            }
            let mut mentions = ms
                .iter()
                .filter_map(|&i| names.mentions.get(i))
                .filter(|m| !m.heading);
            // The first mention with a role; the later ones are read one by one.
            let Some((first, first_role)) = mentions
                .by_ref()
                .find_map(|m| role(names, m, ctx.source).map(|r| (m, r)))
            else {
                continue;
            };
            expand_into(first_role, &mut first_expanded);
            // Two people the draft names in full with one surname (Jaan and Liis Tamm):
            // a title and the surname alone may be either. (Asked only of a title that
            // differs, once per surname.)
            let mut shared_surname: Option<bool> = None;
            for m in mentions {
                // A title compatible with the first role is passed over whether or not it
                // names a role ([`role`] gives the title itself, or none): the source before
                // it is read only for a title that differs.
                let Some(t) = names.title(m) else {
                    continue;
                };
                if compatible_with(first_role, &first_expanded, t, &mut buf) {
                    continue;
                }
                let Some(r) = role(names, m, ctx.source) else {
                    continue;
                };
                // The words before the surname (`Ott R` in Ott R. Saar), of full mentions.
                match (first.is_full(), m.is_full()) {
                    // Two people with one surname: different given names.
                    (true, true) if !given_bytes(names, first).eq(given_bytes(names, m)) => {
                        continue;
                    }
                    (true, true) => {}
                    _ if *shared_surname.get_or_insert_with(|| two_full_names(names, ms)) => {
                        continue;
                    }
                    _ => {}
                }
                let span = m.title_span().unwrap_or(m.span());
                out.push(
                    Diagnostic::new(
                        &Self::META,
                        span,
                        format!(
                            "“{r}” here, but “{first_role}” earlier: is this the same person, \
                             and which title is right?"
                        ),
                    )
                    .with_related(first.title_span().unwrap_or(first.span()), "first title"),
                );
                break;
            }
        }
    }
}

/// The words before the surname of a full mention (`Ott R` in Ott R. Saar), as
/// [`TitleDrift`] joins them with spaces, byte by byte.
fn given_bytes<'n>(names: &'n Names, m: &Mention) -> impl Iterator<Item = u8> + Clone + 'n {
    let words = names
        .occurrences
        .get(m.words().start..m.head())
        .unwrap_or(&[]);
    words.iter().enumerate().flat_map(|(k, o)| {
        let sep: &[u8] = if k > 0 { b" " } else { b"" };
        sep.iter().chain(names.form(o).as_bytes()).copied()
    })
}

/// Whether the mentions `ms` name two people in full: two full mentions whose words before
/// the surname differ (joined with spaces).
fn two_full_names(names: &Names, ms: &[usize]) -> bool {
    let mut full = ms
        .iter()
        .filter_map(|&i| names.mentions.get(i))
        .filter(|m| m.is_full());
    let Some(first) = full.next() else {
        return false;
    };
    let first = given_bytes(names, first);
    full.any(|m| !first.clone().eq(given_bytes(names, m)))
}
