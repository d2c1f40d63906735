//! The text a member is found by: name, and full pinyin and initials for every reading,
//! so 张三 is found by `zhangsan` and `zs`, and 单 in a surname by both `dan` and `shan`.

use pinyin::ToPinyinMulti;

/// Cap on reading combinations per name; a name of four polyphonic characters would
/// otherwise multiply. Surname readings come first, so they are always kept.
const MAX_COMBINATIONS: usize = 32;

/// Readings of one character, plain (no tones), `ü` written `v` as on a keyboard.
/// Characters without pinyin (Latin letters, `·`) stand for themselves.
fn readings(c: char) -> Vec<String> {
    match c.to_pinyin_multi() {
        Some(multi) => {
            let mut out: Vec<String> = Vec::new();
            for p in multi {
                let plain = p.plain().replace('ü', "v");
                if !out.contains(&plain) {
                    out.push(plain);
                }
            }
            out
        }
        None if c == '·' => vec![String::new()],
        None => vec![c.to_lowercase().collect()],
    }
}

/// All full-pinyin spellings of a name (`["shanxiaoming", "danxiaoming", …]`), first the
/// most common reading of each character.
pub fn pinyin_spellings(name: &str) -> Vec<(String, String)> {
    let mut combos: Vec<(String, String)> = vec![(String::new(), String::new())];
    for c in name.chars() {
        let options = readings(c);
        let mut next = Vec::with_capacity(combos.len() * options.len());
        for (full, initials) in &combos {
            for r in &options {
                if next.len() >= MAX_COMBINATIONS {
                    break;
                }
                let mut f = full.clone();
                f.push_str(r);
                let mut i = initials.clone();
                if let Some(first) = r.chars().next() {
                    i.push(first);
                }
                next.push((f, i));
            }
        }
        combos = next;
    }
    combos
}

/// The stored search text: lower-cased name then each spelling and its initials, space separated.
pub fn search_text(name: &str) -> String {
    let mut parts: Vec<String> = vec![name.to_lowercase()];
    for (full, initials) in pinyin_spellings(name) {
        for p in [full, initials] {
            if !parts.contains(&p) {
                parts.push(p);
            }
        }
    }
    parts.join(" ")
}

/// The key names sort by: the first spelling, then the name itself to keep ties stable.
pub fn sort_name(name: &str) -> String {
    let first = pinyin_spellings(name).into_iter().next().map(|(f, _)| f).unwrap_or_default();
    format!("{first} {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_and_initials_are_searchable() {
        let text = search_text("张三");
        assert!(text.contains("zhangsan"), "{text}");
        assert!(text.split(' ').any(|p| p == "zs"), "{text}");
    }

    #[test]
    fn a_polyphonic_surname_matches_each_reading() {
        let text = search_text("单田芳");
        assert!(text.contains("shantianfang"), "{text}");
        assert!(text.contains("dantianfang"), "{text}");
        let text = search_text("曾国藩");
        assert!(text.contains("zengguofan") && text.contains("cengguofan"), "{text}");
        let text = search_text("解缙");
        assert!(text.contains("xiejin") && text.contains("jiejin"), "{text}");
    }

    #[test]
    fn u_umlaut_is_typed_as_v() {
        assert!(search_text("吕布").contains("lvbu"));
    }

    #[test]
    fn rare_and_dotted_names_do_not_break() {
        // The dot is dropped from the spelling, so the name is found by typing it without one.
        let text = search_text("阿依古丽·买买提");
        assert!(text.split(' ').any(|p| p == "ayigulimaimaiti"), "{text}");
        assert!(text.split(' ').any(|p| p == "ayglmmt"), "{text}");
        // A character outside the pinyin table stands for itself; the rest is still spelt.
        let text = search_text("𠮷野");
        assert!(text.split(' ').any(|p| p == "𠮷ye"), "{text}");
        assert_eq!(sort_name("𠮷野"), "𠮷ye 𠮷野");
    }

    #[test]
    fn combinations_are_capped_keeping_the_first_readings() {
        let spellings = pinyin_spellings("行长重还说");
        assert_eq!(spellings.len(), MAX_COMBINATIONS);
        assert_eq!(spellings[0].0, "xingzhangzhonghaishuo");
        assert!(spellings.iter().all(|(full, _)| full.starts_with("xing")), "the first character's first reading");
    }
}
