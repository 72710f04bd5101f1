// The hash and the table layout of the names analysis's word lists: included both by
// `lexicon.rs` and by the build script (`build.rs`), which builds the large lists' tables at
// compile time. (Plain comments: this file is `include!`d.)

/// The hash of a word in a word table: its bytes read eight at a time (the last, partial,
/// group with two overlapping four-byte reads), each group mixed in with a multiplication.
#[inline]
fn word_hash(w: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (w.len() as u64).wrapping_mul(K);
    let mut rest = w;
    while rest.len() > 8 {
        let (head, tail) = rest.split_at(8);
        let v = u64::from_le_bytes([
            head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
        ]);
        h = (h ^ v).wrapping_mul(K).rotate_left(26);
        rest = tail;
    }
    let n = rest.len();
    let v = if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([
            rest[n - 4],
            rest[n - 3],
            rest[n - 2],
            rest[n - 1],
        ]));
        lo | (hi << 32)
    } else {
        rest.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b))
    };
    h = (h ^ v).wrapping_mul(K);
    h ^ (h >> 29)
}

/// The slot of the open-addressing table `slots` (linear probing) that holds line `w` of
/// `text` (`Ok`), or the empty slot where it would go (`Err`); `h` is `word_hash(w)`. A slot
/// is 0 when empty, else the upper 32 bits of its word's hash (its tag) and 1 + the byte
/// offset of its line in `text`. Exact whatever the hashes: a hit compares the word with the
/// line itself.
#[inline]
fn word_table_find(text: &[u8], slots: &[u64], w: &[u8], h: u64) -> Result<usize, usize> {
    let mask = slots.len() - 1;
    let tag = h & !0xffff_ffff;
    let mut at = (h as usize) & mask;
    loop {
        let s = slots[at];
        if s == 0 {
            return Err(at);
        }
        if s & !0xffff_ffff == tag {
            let start = (s & 0xffff_ffff) as usize - 1;
            let end = start + w.len();
            if text.get(start..end) == Some(w) && text.get(end).is_none_or(|&b| b == b'\n') {
                return Ok(at);
            }
        }
        at = (at + 1) & mask;
    }
}

/// The table of the words (lines) of `text`, for [`word_table_find`]: a power of two long,
/// at most half full; a word listed twice is kept once.
fn word_table_slots(text: &[u8]) -> Vec<u64> {
    // The lines as the file has them (no line after a final line break).
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    let n = if text.is_empty() {
        0
    } else {
        body.iter().filter(|&&b| b == b'\n').count() + 1
    };
    let mut slots = vec![0u64; (n * 2).next_power_of_two().max(16)];
    let ends = body
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .chain((n > 0).then_some(body.len()));
    let mut start = 0;
    for end in ends {
        let line = &body[start..end];
        let h = word_hash(line);
        if let Err(at) = word_table_find(text, &slots, line, h) {
            slots[at] = (h & !0xffff_ffff) | (start as u64 + 1);
        }
        start = end + 1;
    }
    slots
}
