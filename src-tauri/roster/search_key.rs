//! The keys a member is found by as people type: a part of the name, full pinyin, initials, or
//! a surname in full and the rest by initials, for every reading — 张三丰 by `zhangsanfeng`,
//! `zsf`, `zhangsf`, `sanf`; 单 in a surname by both `dan` and `shan`.

use pinyin::ToPinyinMulti;

/// Cap on reading combinations per name; a name of four polyphonic characters would
/// otherwise multiply. Surname readings come first, so they are always kept.
const MAX_COMBINATIONS: usize = 32;

/// Cap on the search keys of one name (a typical name has 15–30).
const MAX_KEYS: usize = 128;

/// Characters of a name mixed in full and by initials: the first ones (a surname and a given
/// name are far shorter).
const MAX_MIXED: usize = 8;

/// The version of the keys `search_text` writes; a database indexed by another is indexed
/// again when it is opened (`reindex`).
pub const KEYS_VERSION: &str = "2";

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

/// The reading combinations of these characters' readings (`[["shan", "xiong", "xin"], …]`),
/// first the most common reading of each, at most `MAX_COMBINATIONS`.
fn combinations(readings: &[Vec<String>]) -> Vec<Vec<&str>> {
    let mut combos: Vec<Vec<&str>> = vec![Vec::new()];
    for options in readings {
        let mut next = Vec::with_capacity(combos.len() * options.len());
        for combo in &combos {
            for r in options {
                if next.len() >= MAX_COMBINATIONS {
                    break;
                }
                let mut c = combo.clone();
                c.push(r.as_str());
                next.push(c);
            }
        }
        combos = next;
    }
    combos
}

/// A combination spelt with each character in full or by its initial: bit `i` of `initials`
/// set spells character `i` by its initial.
fn spell(combo: &[&str], initials: u32) -> String {
    let mut out = String::new();
    for (i, r) in combo.iter().enumerate() {
        if i < 32 && initials & (1 << i) != 0 {
            out.extend(r.chars().next());
        } else {
            out.push_str(r);
        }
    }
    out
}

/// All full-pinyin spellings of a name (`["shanxiaoming", "danxiaoming", …]`) with their
/// initials, first the most common reading of each character.
pub fn pinyin_spellings(name: &str) -> Vec<(String, String)> {
    let readings: Vec<Vec<String>> = name.chars().map(readings).collect();
    combinations(&readings).iter().map(|c| (spell(c, 0), spell(c, u32::MAX))).collect()
}

/// The keys a member is found by, a search matching when it begins one of them: the name from
/// each of its characters on (a part of the name); from each character on, every reading's full
/// spelling and initials (`zhangsanfeng`, `zsf`, `sanfeng`, `sf`, …); and the whole name with
/// each character in full or by its initial, as people type a surname in full and stop
/// part-way (`zhangsf`, `zsanfeng`; 单雄信 by `shanxx` as well as `danxx`). Most typed first; at
/// most `MAX_KEYS`.
pub fn search_keys(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let readings: Vec<Vec<String>> = chars.iter().map(|c| readings(*c)).collect();
    let mut keys: Vec<String> = Vec::new();
    let add = |keys: &mut Vec<String>, key: String| {
        if !key.is_empty() && keys.len() < MAX_KEYS && !keys.contains(&key) {
            keys.push(key);
        }
    };
    for start in 0..chars.len() {
        add(&mut keys, chars[start..].iter().flat_map(|c| c.to_lowercase()).collect());
    }
    for start in 0..chars.len() {
        for combo in combinations(&readings[start..]) {
            add(&mut keys, spell(&combo, 0));
            add(&mut keys, spell(&combo, u32::MAX));
        }
    }
    for combo in combinations(&readings) {
        // Only characters spelt by more than their initial make a different key.
        let long: Vec<usize> = (0..combo.len().min(32)).filter(|i| combo[*i].chars().nth(1).is_some()).collect();
        let mixes = 1u32 << long.len().min(MAX_MIXED);
        for choice in 1..mixes.saturating_sub(1) {
            if keys.len() >= MAX_KEYS {
                break;
            }
            let initials = long.iter().enumerate().filter(|(bit, _)| choice & (1 << bit) != 0);
            add(&mut keys, spell(&combo, initials.fold(0, |mask, (_, i)| mask | (1 << i))));
        }
    }
    keys
}

/// The stored search text: the name's search keys, space separated (split into the
/// `member_keys` index by the members table's triggers).
pub fn search_text(name: &str) -> String {
    search_keys(name).join(" ")
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

    /// Whether a typed search finds the name: it begins one of the name's keys.
    fn finds(name: &str, typed: &str) -> bool {
        search_keys(name).iter().any(|k| k.starts_with(typed))
    }

    #[test]
    fn a_surname_in_full_and_the_rest_by_initials_or_part_way() {
        for typed in ["zhangsf", "zhangsanf", "zhangsanfeng", "zsf", "zsanfeng", "zhangs", "sanf", "sf", "三丰", "张三"]
        {
            assert!(finds("张三丰", typed), "张三丰 by {typed}: {:?}", search_keys("张三丰"));
        }
        for typed in ["zhangsx", "sanfx", "zf", "angsan", "丰三"] {
            assert!(!finds("张三丰", typed), "张三丰 found by {typed}");
        }
    }

    #[test]
    fn every_reading_of_a_polyphonic_character_mixes_with_initials() {
        // 单 as a surname reads shàn; as a word dān; both are found, mixed or not.
        for typed in ["shanxx", "danxx", "shanxiongxin", "danxiongxin", "sxx", "dxx", "shanxiongx"] {
            assert!(finds("单雄信", typed), "单雄信 by {typed}: {:?}", search_keys("单雄信"));
        }
        for typed in ["zengguof", "cengguof", "zgf", "cgf"] {
            assert!(finds("曾国藩", typed), "曾国藩 by {typed}");
        }
        assert!(finds("解缙", "xiej") && finds("解缙", "jiej"));
    }

    #[test]
    fn keys_stay_few_for_long_and_latin_names() {
        let latin = search_keys("abcdefghijklmnopqrst");
        assert_eq!(latin.len(), 20, "a Latin name's keys are its parts: {latin:?}");
        assert!(search_keys("行长重还说行长重还说行长重还说行长重还说").len() <= MAX_KEYS);
        assert!(finds("阿依古丽·买买提", "ayiguli") && finds("阿依古丽·买买提", "maimaiti"));
        assert!(search_keys("张 三").iter().all(|k| !k.contains(' ')), "keys hold no spaces");
    }
}
