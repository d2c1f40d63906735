use sanliang::common::catalog::{OrgKind, UnitKind};
use sanliang::error::ErrorKind;
use sanliang::roster::members::{self, MemberInput};
use sanliang::roster::orgs::{self, OrgInput, Organization};
use sqlx::SqlitePool;

use crate::support;

pub async fn add(pool: &SqlitePool, parent: Option<&Organization>, kind: OrgKind, name: &str) -> Organization {
    orgs::create(
        pool,
        OrgInput { parent_id: parent.map(|p| p.id), kind, unit_kind: None, stationed_in: None, name: name.into() },
    )
    .await
    .unwrap_or_else(|e| panic!("create {name}: {e}"))
}

/// 县 → 街道 → 社区 → 支部, plus a second township.
pub async fn small_tree(pool: &SqlitePool) -> [Organization; 5] {
    let county = add(pool, None, OrgKind::County, "中共江川县委").await;
    let street = add(pool, Some(&county), OrgKind::Township, "大街街道党工委").await;
    let community = add(pool, Some(&street), OrgKind::Community, "河咀社区党总支").await;
    let branch = add(pool, Some(&community), OrgKind::Branch, "河咀社区第一党支部").await;
    let other = add(pool, Some(&county), OrgKind::Township, "宁海街道党工委").await;
    [county, street, community, branch, other]
}

#[tokio::test]
async fn a_database_is_empty_until_it_holds_a_live_organization() {
    let t = support::fresh().await;
    assert!(!orgs::any(&t.pool).await.unwrap());
    let county = add(&t.pool, None, OrgKind::County, "中共江川县委").await;
    assert!(orgs::any(&t.pool).await.unwrap());
    orgs::delete(&t.pool, county.id).await.unwrap();
    assert!(!orgs::any(&t.pool).await.unwrap(), "a deleted organization waits in the bin, not in the tree");
}

#[tokio::test]
async fn the_tree_nests_by_kind_and_paths_follow_ids() {
    let t = support::fresh().await;
    let [county, street, community, branch, _] = small_tree(&t.pool).await;
    assert_eq!(branch.path, format!("/{}/{}/{}/{}/", county.id, street.id, community.id, branch.id));
    let tree = orgs::tree(&t.pool).await.unwrap();
    assert_eq!(tree.len(), 1);
    assert_eq!(tree[0].children.len(), 2);
    assert_eq!(tree[0].children[0].children[0].children[0].org.name, "河咀社区第一党支部");
}

#[tokio::test]
async fn misplaced_organizations_are_refused_with_a_reason() {
    let t = support::fresh().await;
    let [county, street, community, _, _] = small_tree(&t.pool).await;
    let err = orgs::create(
        &t.pool,
        OrgInput {
            parent_id: Some(county.id),
            kind: OrgKind::Branch,
            unit_kind: None,
            stationed_in: None,
            name: "x".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("parentId"));
    assert!(err.to_string().contains("下不能设立党支部"), "{err}");
    let err = orgs::create(
        &t.pool,
        OrgInput { parent_id: None, kind: OrgKind::Community, unit_kind: None, stationed_in: None, name: "x".into() },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("parentId"));
    // A unit needs its kind, and may be stationed only in a community.
    let unit = |stationed: Option<i64>, kind: Option<UnitKind>| OrgInput {
        parent_id: Some(street.id),
        kind: OrgKind::Unit,
        unit_kind: kind,
        stationed_in: stationed,
        name: "县民政局".into(),
    };
    assert_eq!(orgs::create(&t.pool, unit(None, None)).await.unwrap_err().field(), Some("unitKind"));
    assert_eq!(
        orgs::create(&t.pool, unit(Some(street.id), Some(UnitKind::Organ))).await.unwrap_err().field(),
        Some("stationedIn")
    );
    let ok = orgs::create(&t.pool, unit(Some(community.id), Some(UnitKind::Organ))).await.unwrap();
    assert_eq!(ok.stationed_in, Some(community.id));
}

#[tokio::test]
async fn names_are_unique_among_siblings_and_required() {
    let t = support::fresh().await;
    let [_, street, _, _, other] = small_tree(&t.pool).await;
    let err = orgs::create(
        &t.pool,
        OrgInput {
            parent_id: Some(street.id),
            kind: OrgKind::Community,
            unit_kind: None,
            stationed_in: None,
            name: "河咀社区党总支".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    // The same name under another parent is fine.
    add(&t.pool, Some(&other), OrgKind::Community, "河咀社区党总支").await;
    assert_eq!(orgs::rename(&t.pool, street.id, "  ").await.unwrap_err().field(), Some("name"));
    assert_eq!(orgs::rename(&t.pool, street.id, &"长".repeat(41)).await.unwrap_err().field(), Some("name"));
    assert_eq!(orgs::rename(&t.pool, street.id, "大街街道").await.unwrap().name, "大街街道");
}

#[tokio::test]
async fn moving_a_community_moves_its_branches_and_members_with_it() {
    let t = support::fresh().await;
    let [county, _, community, branch, other] = small_tree(&t.pool).await;
    let moved = orgs::move_to(&t.pool, community.id, other.id).await.unwrap();
    assert_eq!(moved.path, format!("/{}/{}/{}/", county.id, other.id, community.id));
    let branch = orgs::get(&t.pool, branch.id).await.unwrap();
    assert_eq!(branch.path, format!("/{}/{}/{}/{}/", county.id, other.id, community.id, branch.id));
    // Into its own subtree, or to a parent of the wrong kind: refused.
    let refused = |e: sanliang::error::Error| (e.kind(), e.field().map(str::to_owned), e.to_string());
    let parent = Some("parentId".to_owned());
    assert_eq!(
        refused(orgs::move_to(&t.pool, community.id, branch.id).await.unwrap_err()),
        (ErrorKind::Validation, parent.clone(), "不能移动到自身或其下级组织之下".to_owned())
    );
    assert_eq!(
        refused(orgs::move_to(&t.pool, community.id, county.id).await.unwrap_err()),
        (
            ErrorKind::Validation,
            parent,
            format!("“中共江川县委”（{}）下不能设立{}", OrgKind::County.label(), OrgKind::Community.label())
        )
    );
}

#[tokio::test]
async fn deleting_an_organization_with_children_or_members_is_refused() {
    let t = support::fresh().await;
    let [_, street, community, branch, _] = small_tree(&t.pool).await;
    let err = orgs::delete(&t.pool, street.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("下级组织"), "{err}");

    let input = MemberInput {
        org_id: Some(branch.id),
        name: "李明".into(),
        gender: Some(sanliang::common::catalog::Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1970-05-01".into(),
        joined_on: "1995-07-01".into(),
        category: Some(sanliang::common::catalog::Category::NoPost),
        ..Default::default()
    };
    let m = members::create(&t.pool, &input, support::today()).await.unwrap();
    let err = orgs::delete(&t.pool, branch.id).await.unwrap_err();
    assert!(err.to_string().contains("1名党员"), "{err}");

    members::delete(&t.pool, m.id, support::today()).await.unwrap();
    orgs::delete(&t.pool, branch.id).await.unwrap();
    orgs::delete(&t.pool, community.id).await.unwrap();
    let gone = orgs::get(&t.pool, community.id).await.unwrap_err();
    assert_eq!((gone.kind(), gone.to_string()), (ErrorKind::NotFound, "组织不存在或已删除".to_owned()));
    // Soft deletion: the row is still there for history.
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations WHERE id = ?1 AND deleted_at IS NOT NULL")
        .bind(community.id)
        .fetch_one(&t.pool)
        .await
        .unwrap();
    assert_eq!(kept, 1);
}

#[tokio::test]
async fn under_an_organization_means_itself_and_all_below_it_never_a_neighbour_with_a_like_id() {
    let t = support::fresh().await;
    let county = add(&t.pool, None, OrgKind::County, "中共江川县委").await;
    // Townships with ids 2 … 21: the path /1/2/ must not take in /1/21/.
    let mut towns = Vec::new();
    for i in 0..20 {
        towns.push(add(&t.pool, Some(&county), OrgKind::Township, &format!("第{i}街道党工委")).await);
    }
    let (two, twenty_one) = (&towns[0], &towns[19]);
    assert_eq!(
        (two.path.clone(), twenty_one.path.clone()),
        (format!("/{}/2/", county.id), format!("/{}/21/", county.id))
    );
    let community = add(&t.pool, Some(two), OrgKind::Community, "河咀社区党总支").await;
    let branch = add(&t.pool, Some(&community), OrgKind::Branch, "河咀社区第一党支部").await;
    add(&t.pool, Some(twenty_one), OrgKind::Community, "下营社区党总支").await;

    let under = |root: i64| {
        let pool = t.pool.clone();
        async move {
            let mut ids: Vec<i64> = sqlx::query_scalar("SELECT org_id FROM org_subtree WHERE root_id = ?1")
                .bind(root)
                .fetch_all(&pool)
                .await
                .unwrap();
            ids.sort();
            ids
        }
    };
    assert_eq!(under(two.id).await, vec![two.id, community.id, branch.id]);
    assert_eq!(under(branch.id).await, vec![branch.id]);
    assert_eq!(under(county.id).await.len(), 1 + 20 + 3, "the county holds everything");
}

#[tokio::test]
async fn the_first_run_builds_county_township_and_community_at_once_or_not_at_all() {
    use sanliang::roster::orgs::OrgChain;
    let t = support::fresh().await;
    let chain = |county: &str, township: &str, community: &str| OrgChain {
        county: county.into(),
        township: township.into(),
        community: community.into(),
    };
    let e = orgs::create_chain(&t.pool, &chain("江川区", "", "大街社区党总支")).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.field(), e.to_string()),
        (ErrorKind::Validation, Some("township"), "请填写乡镇（街道）名称".to_owned())
    );
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations").fetch_one(&t.pool).await.unwrap();
    assert_eq!(none, 0, "nothing half-made");

    let community = orgs::create_chain(&t.pool, &chain(" 江川区 ", "大街街道", "大街社区党总支")).await.unwrap();
    assert_eq!((community.name.as_str(), community.kind), ("大街社区党总支", OrgKind::Community));
    let tree = orgs::tree(&t.pool).await.unwrap();
    assert_eq!(tree.len(), 1);
    assert_eq!((tree[0].org.name.as_str(), tree[0].org.kind), ("江川区", OrgKind::County));
    assert_eq!((tree[0].children[0].org.name.as_str(), tree[0].children[0].org.kind), ("大街街道", OrgKind::Township));
    assert_eq!(tree[0].children[0].children[0].org.id, community.id);

    // A second community of the same county and township reuses them.
    let second = orgs::create_chain(&t.pool, &chain("江川区", "大街街道", "河咀社区党总支")).await.unwrap();
    let tree = orgs::tree(&t.pool).await.unwrap();
    assert_eq!((tree.len(), tree[0].children.len(), tree[0].children[0].children.len()), (1, 1, 2));
    assert_ne!(second.id, community.id);
}

#[tokio::test]
async fn only_the_root_of_every_organization_lifts_the_subtree_filter() {
    let t = support::fresh().await;
    let [county, street, ..] = small_tree(&t.pool).await;
    let mut conn = t.pool.acquire().await.unwrap();
    let narrowing = async |conn: &mut sqlx::SqliteConnection, id| orgs::narrowing(conn, id).await.unwrap();
    assert_eq!(narrowing(&mut conn, None).await, None);
    assert_eq!(narrowing(&mut conn, Some(county.id)).await, None, "the county holds every organization");
    assert_eq!(narrowing(&mut conn, Some(street.id)).await, Some(street.id));
    assert_eq!(narrowing(&mut conn, Some(9999)).await, Some(9999), "an unknown organization filters out everything");
    // A second county beside the first: neither holds everything any more.
    add(&t.pool, None, OrgKind::County, "中共澄江县委").await;
    assert_eq!(narrowing(&mut conn, Some(county.id)).await, Some(county.id));
}
