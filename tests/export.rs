//! 导出花名册: the filter's members in the import's columns, masked unless asked, real date cells,
//! and an unmasked export that imports back to the same members.

use sanliang::common::catalog::{Category, Gender};
use sanliang::data::import::sheet::Cell;
use sanliang::data::{export, import};
use sanliang::roster::members::{self, MemberInput, MemberQuery};

use crate::orgs::small_tree;
use crate::support;

fn read(bytes: &[u8]) -> Vec<Vec<Cell>> {
    import::sheet::read_workbook(bytes).unwrap().remove(0).rows
}

#[tokio::test]
async fn the_filter_is_exported_masked_with_real_dates() {
    let t = support::demo().await;
    let org: i64 = sqlx::query_scalar("SELECT id FROM organizations WHERE name = '河咀社区党总支'")
        .fetch_one(&t.pool)
        .await
        .unwrap();
    // Counted independently of the export: the live members anywhere under 河咀社区党总支.
    let expected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM members m JOIN organizations o ON o.id = m.org_id
         WHERE m.deleted_at IS NULL AND o.path LIKE (SELECT path FROM organizations WHERE id = ?1) || '%'",
    )
    .bind(org)
    .fetch_one(&t.pool)
    .await
    .unwrap();
    let query = MemberQuery { org_id: Some(org), ..Default::default() };
    let (bytes, exported) = export::members_workbook(&t.pool, &query, false).await.unwrap();
    assert_eq!(exported.members as i64, expected);
    let rows = read(&bytes);
    assert_eq!(rows.len() as i64, expected + 1);
    let header: Vec<String> = rows[0].iter().map(import::values::text).collect();
    assert_eq!(
        header,
        [
            "姓名",
            "性别",
            "民族",
            "出生日期",
            "入党时间",
            "公民身份号码",
            "联系电话",
            "所在支部",
            "党员类别",
            "学历",
            "工作单位",
            "现居住地",
            "备注",
            "状态"
        ]
    );
    for row in &rows[1..] {
        assert!(matches!(row[3], Cell::Date(_)), "出生日期 is a date cell: {:?}", row[3]);
        assert!(matches!(row[4], Cell::Date(_)), "入党时间 is a date cell: {:?}", row[4]);
        let id = import::values::text(&row[5]);
        assert!(id.is_empty() || (id.len() == 18 && id.contains("****")), "masked ID: {id}");
        let phone = import::values::text(&row[6]);
        assert!(phone.is_empty() || phone.contains('*'), "masked phone: {phone}");
        assert!(import::values::text(&row[7]).contains("河咀社区"), "{:?}", row[7]);
    }
}

#[tokio::test]
async fn an_unmasked_export_imports_back_to_the_same_members() {
    let t = support::fresh().await;
    let [.., community, branch, _] = small_tree(&t.pool).await;
    let people = [
        (
            "张三",
            Gender::Male,
            "1980-01-01",
            "530421198001011232",
            "13812345678",
            branch.id,
            Category::InService,
            "大学本科",
            "河咀村1号（东）",
        ),
        (
            "李丽",
            Gender::Female,
            "1985-06-01",
            "110101198506010024",
            "0877-8012345",
            community.id,
            Category::Committee,
            "",
            "",
        ),
        ("𠮷祥", Gender::Male, "1990-03-07", "", "", branch.id, Category::NoPost, "高中", "备注里有，逗号"),
    ];
    for (name, gender, birth, id, phone, org, category, education, address) in people {
        let input = MemberInput {
            org_id: Some(org),
            name: name.into(),
            gender: Some(gender),
            ethnicity: "汉族".into(),
            birth_date: birth.into(),
            joined_on: "2012-07-01".into(),
            id_number: id.into(),
            phone: phone.into(),
            education: education.into(),
            address: address.into(),
            category: Some(category),
            ..Default::default()
        };
        members::create(&t.pool, &input, support::today()).await.unwrap();
    }
    let all = MemberQuery { page: 1, page_size: 50, ..Default::default() };
    let before = members::search(&t.pool, &all).await.unwrap().rows;
    let mut originals = Vec::new();
    for row in &before {
        originals.push(members::get(&t.pool, row.id).await.unwrap());
    }
    let (bytes, _) = export::members_workbook(&t.pool, &MemberQuery::default(), true).await.unwrap();
    for m in &originals {
        members::delete(&t.pool, m.id, support::today()).await.unwrap();
    }
    let path = t.dir.path().join("导出 花名册.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let sheets = import::read(&path).await.unwrap();
    let report =
        import::import_sheets(&t.pool, &sheets, &import::ImportOptions::default(), support::today()).await.unwrap();
    assert_eq!(report, import::ImportReport { created: 3, updated: 0, skipped: 0, errors: 0, branches: 0 });
    let after = members::search(&t.pool, &all).await.unwrap().rows;
    let mut back = Vec::new();
    for row in &after {
        back.push(members::get(&t.pool, row.id).await.unwrap());
    }
    let key = |m: &members::Member| {
        format!(
            "{} {} {} {} {} {:?} {} {} {} {} {} {} {}",
            m.name,
            m.gender.code(),
            m.ethnicity,
            m.birth_date,
            m.joined_on,
            m.id_number,
            m.phone,
            m.org_id,
            m.category.code(),
            m.education,
            m.address,
            m.work_unit,
            m.notes
        )
    };
    let mut a: Vec<_> = originals.iter().map(key).collect();
    let mut b: Vec<_> = back.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}
