//! Matching a roster's 所在支部 cell to the organization tree: by name, by a path such as
//! `大街社区党总支/第一党支部` (or the names run together), and, for an unknown name, the
//! closest names to offer instead.

use std::collections::HashMap;

use crate::common::limits;
use crate::roster::orgs::Organization;

/// The organizations members can be registered in, with the chain of names above each.
#[derive(Debug, Clone)]
pub struct OrgMatcher {
    /// (id, names from the root down to the organization itself).
    chains: Vec<(i64, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgMatch {
    Found(i64),
    /// Several organizations carry the name; the message names the parents that tell them apart.
    Ambiguous(String),
    Unknown(String),
}

fn segments(cell: &str) -> Vec<String> {
    cell.split(['/', '／', '\\', '>', '＞', '|'])
        .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Edit distance over characters, for the names to offer in place of an unknown one.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

impl OrgMatcher {
    /// From every live organization; only communities and branches can be matched.
    pub fn new(orgs: &[Organization]) -> Self {
        let names: HashMap<i64, &str> = orgs.iter().map(|o| (o.id, o.name.as_str())).collect();
        let chains = orgs
            .iter()
            .filter(|o| o.kind.holds_members())
            .map(|o| {
                let chain = o
                    .path
                    .split('/')
                    .filter_map(|id| id.parse::<i64>().ok())
                    .filter_map(|id| names.get(&id).map(|n| (*n).to_owned()))
                    .collect();
                (o.id, chain)
            })
            .collect();
        OrgMatcher { chains }
    }

    /// Whether the chain ends with these segments, each segment one name or several run together.
    fn ends_with(chain: &[String], wanted: &[String]) -> bool {
        let Some((last, above)) = wanted.split_last() else { return false };
        let Some((own, ancestors)) = chain.split_last() else { return false };
        // Whatever the form, the last segment ends in the organization's own name: checked first,
        // without joining anything, as every row is matched against every organization.
        if !last.ends_with(own.as_str()) {
            return false;
        }
        // `大街社区党总支第一党支部`: a suffix of the chain written as one word.
        let joined_suffix = || (0..chain.len()).any(|from| chain[from..].concat() == *last);
        if own != last && !joined_suffix() {
            return false;
        }
        // Each name above must appear in order among the ancestors.
        let mut rest = ancestors.iter().rev();
        above.iter().rev().all(|name| rest.any(|a| a.starts_with(name.as_str())))
    }

    pub fn find(&self, cell: &str) -> OrgMatch {
        let wanted = segments(cell);
        let found: Vec<&(i64, Vec<String>)> =
            self.chains.iter().filter(|(_, chain)| Self::ends_with(chain, &wanted)).collect();
        match found.as_slice() {
            [(id, _)] => OrgMatch::Found(*id),
            [] => OrgMatch::Unknown(self.unknown_message(cell)),
            several => {
                let paths: Vec<String> = several.iter().take(3).map(|(_, chain)| chain.join("/")).collect();
                OrgMatch::Ambiguous(format!(
                    "有{}个组织名为“{}”，请写明上级，如“{}”",
                    several.len(),
                    cell.trim(),
                    paths.join("”或“")
                ))
            }
        }
    }

    /// Makes the 所在支部 cells that name no organization new branches of `parent` (a community;
    /// the import checks that):
    /// a bare name, or a path that ends in the parent's own names, of at most `limits::ORG_NAME`
    /// characters. They are matched from now on under ids -1, -2, … (the import gives them real
    /// ids when it creates them); returns their names in the order first met.
    pub fn add_new_branches<'a>(&mut self, parent: i64, cells: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let Some(above) = self.chains.iter().find(|(id, _)| *id == parent).map(|(_, chain)| chain.clone()) else {
            return Vec::new();
        };
        let mut added = Vec::new();
        for cell in cells {
            let wanted = segments(cell);
            let Some(name) = wanted.last() else { continue };
            let chain: Vec<String> = above.iter().cloned().chain([name.clone()]).collect();
            // An organization above (the township written where the branch should be) is no branch.
            let fits =
                name.chars().count() <= limits::ORG_NAME && !above.contains(name) && Self::ends_with(&chain, &wanted);
            if fits && matches!(self.find(cell), OrgMatch::Unknown(_)) {
                added.push(name.clone());
                self.chains.push((-(added.len() as i64), chain));
            }
        }
        added
    }

    fn unknown_message(&self, cell: &str) -> String {
        let wanted: String = segments(cell).last().cloned().unwrap_or_default();
        let mut near: Vec<(usize, String)> = self
            .chains
            .iter()
            .filter_map(|(_, chain)| chain.last().map(|name| (distance(&wanted, name), chain.join("/"))))
            .filter(|(d, _)| *d <= wanted.chars().count().max(2) / 2 + 1)
            .collect();
        near.sort();
        near.dedup();
        let near: Vec<String> = near.into_iter().take(3).map(|(_, path)| path).collect();
        if near.is_empty() {
            format!("找不到党组织“{}”，请先在组织架构中添加，或改为已有的党支部", cell.trim())
        } else {
            format!("找不到党组织“{}”，是否是：{}", cell.trim(), near.join("、"))
        }
    }
}

/// An organization as the tree holds it, for the import's unit tests.
#[cfg(test)]
pub(super) fn org(id: i64, kind: crate::common::catalog::OrgKind, name: &str, path: &str) -> Organization {
    Organization {
        id,
        uuid: String::new(),
        parent_id: None,
        kind,
        unit_kind: None,
        stationed_in: None,
        name: name.to_owned(),
        path: path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::catalog::OrgKind;

    fn tree() -> OrgMatcher {
        OrgMatcher::new(&[
            org(1, OrgKind::Township, "城关镇", "/1/"),
            org(2, OrgKind::Community, "大街社区党总支", "/1/2/"),
            org(3, OrgKind::Branch, "第一党支部", "/1/2/3/"),
            org(4, OrgKind::Branch, "第二党支部", "/1/2/4/"),
            org(5, OrgKind::Community, "西关社区党总支", "/1/5/"),
            org(6, OrgKind::Branch, "第一党支部", "/1/5/6/"),
            org(7, OrgKind::Branch, "离退休党支部", "/1/5/7/"),
        ])
    }

    #[test]
    fn names_paths_and_names_run_together() {
        let tree = tree();
        assert_eq!(tree.find("第二党支部"), OrgMatch::Found(4));
        assert_eq!(tree.find("大街社区党总支/第一党支部"), OrgMatch::Found(3));
        assert_eq!(tree.find(" 西关社区党总支 ／ 第一党支部 "), OrgMatch::Found(6));
        assert_eq!(tree.find("城关镇/西关社区党总支/第一党支部"), OrgMatch::Found(6));
        assert_eq!(tree.find("城关镇/第一党支部"), OrgMatch::Ambiguous("有2个组织名为“城关镇/第一党支部”，请写明上级，如“城关镇/大街社区党总支/第一党支部”或“城关镇/西关社区党总支/第一党支部”".to_owned()));
        assert_eq!(tree.find("西关社区党总支第一党支部"), OrgMatch::Found(6));
        assert_eq!(tree.find("大街社区党总支"), OrgMatch::Found(2));
        assert_eq!(tree.find("西关/第一党支部"), OrgMatch::Found(6), "a short name of the community");
        assert_eq!(
            tree.find("城关镇"),
            OrgMatch::Unknown("找不到党组织“城关镇”，请先在组织架构中添加，或改为已有的党支部".to_owned()),
            "a township holds no members"
        );
    }

    #[test]
    fn names_the_tree_lacks_become_new_branches_of_the_community_chosen() {
        let mut tree = tree();
        let cells = [
            "第三党支部",
            "第一党支部",
            "大街社区党总支/第四党支部",
            "第三党支部",
            "西关社区党总支/第五党支部",
            "城关镇",
        ];
        let long = "党".repeat(limits::ORG_NAME + 1);
        let added = tree.add_new_branches(2, cells.into_iter().chain([long.as_str()]));
        assert_eq!(
            added,
            ["第三党支部", "第四党支部"],
            "once each; not under another community, not the township, not too long"
        );
        assert_eq!(tree.find("第三党支部"), OrgMatch::Found(-1));
        assert_eq!(tree.find("大街社区党总支/第三党支部"), OrgMatch::Found(-1));
        assert_eq!(tree.find("第四党支部"), OrgMatch::Found(-2));
        assert_eq!(tree.find("第一党支部"), OrgMatch::Ambiguous("有2个组织名为“第一党支部”，请写明上级，如“城关镇/大街社区党总支/第一党支部”或“城关镇/西关社区党总支/第一党支部”".to_owned()));
        assert!(matches!(tree.find("西关社区党总支/第五党支部"), OrgMatch::Unknown(_)));
        assert!(matches!(tree.find("城关镇"), OrgMatch::Unknown(_)));
    }

    #[test]
    fn an_unknown_name_offers_the_closest() {
        assert_eq!(
            tree().find("离休党支部"),
            OrgMatch::Unknown("找不到党组织“离休党支部”，是否是：城关镇/西关社区党总支/离退休党支部、城关镇/大街社区党总支/第一党支部、城关镇/大街社区党总支/第二党支部".to_owned())
        );
        assert_eq!(distance("第一党支部", "第二党支部"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
