use sanliang::common::catalog::{Category, Gender, MemberStatus, OrgKind};
use sanliang::error::ErrorKind;
use sanliang::overview::stats;
use sanliang::roster::members::{self, MemberInput, MemberQuery, MemberSort, StatusChange};
use sanliang::roster::photos::{self, Whose};

use crate::orgs::{add, small_tree};
use crate::support;

fn zhang_san(org_id: i64) -> MemberInput {
    MemberInput {
        org_id: Some(org_id),
        name: "张三".into(),
        gender: Some(Gender::Male),
        ethnicity: "汉族".into(),
        birth_date: "1980-01-01".into(),
        joined_on: "2005-07-01".into(),
        id_number: "530421198001011232".into(),
        phone: "13812345678".into(),
        category: Some(Category::InService),
        ..Default::default()
    }
}

fn person(org_id: i64, name: &str, birth: &str) -> MemberInput {
    MemberInput {
        org_id: Some(org_id),
        name: name.into(),
        gender: Some(Gender::Female),
        ethnicity: "彝族".into(),
        birth_date: birth.into(),
        joined_on: "2010-07-01".into(),
        category: Some(Category::NoPost),
        ..Default::default()
    }
}

fn search(text: &str) -> MemberQuery {
    MemberQuery { text: text.into(), page: 1, page_size: 50, ..Default::default() }
}

#[tokio::test]
async fn a_member_is_saved_whole_and_listed_masked() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    assert_eq!(m.id_number.as_deref(), Some("530421198001011232"));
    assert_eq!(m.org_name, "河咀社区第一党支部");
    assert_eq!(m.uuid.len(), 36);
    let page = members::search(&t.pool, &search("")).await.unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].id_number_masked, "5304211980****1232");
    assert_eq!(page.rows[0].phone_masked, "138****5678");
}

#[tokio::test]
async fn a_second_member_with_the_same_id_number_is_refused() {
    let t = support::fresh().await;
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    let mut again = zhang_san(community.id);
    again.name = "张叁".into();
    let err = members::create(&t.pool, &again, support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(err.field(), Some("idNumber"));
    assert!(err.to_string().contains("张三"), "{err}");
    // A lower-case x and spaces are the same number.
    let t2 = support::fresh().await;
    let [_, _, _, b2, _] = small_tree(&t2.pool).await;
    let mut x = person(b2.id, "王芳", "1949-12-31");
    x.id_number = " 11010519491231002x ".into();
    x.joined_on = "1970-01-01".into();
    let saved = members::create(&t2.pool, &x, support::today()).await.unwrap();
    assert_eq!(saved.id_number.as_deref(), Some("11010519491231002X"));
}

#[tokio::test]
async fn the_same_name_and_birth_date_asks_to_confirm() {
    let t = support::fresh().await;
    let [_, _, community, branch, _] = small_tree(&t.pool).await;
    members::create(&t.pool, &person(branch.id, "李秀英", "1966-03-08"), support::today()).await.unwrap();
    let err =
        members::create(&t.pool, &person(community.id, "李秀英", "1966-03-08"), support::today()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NeedsConfirmation);
    let mut confirmed = person(community.id, "李秀英", "1966-03-08");
    confirmed.confirm_duplicate = true;
    members::create(&t.pool, &confirmed, support::today()).await.unwrap();
    assert_eq!(members::search(&t.pool, &search("李秀英")).await.unwrap().total, 2);
}

#[tokio::test]
async fn members_belong_to_a_community_or_branch() {
    let t = support::fresh().await;
    let [county, street, ..] = small_tree(&t.pool).await;
    for org in [county.id, street.id, 9999] {
        let err = members::create(&t.pool, &zhang_san(org), support::today()).await.unwrap_err();
        assert_eq!(err.field(), Some("orgId"), "{err}");
    }
}

#[tokio::test]
async fn a_failed_update_changes_nothing() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    let mut bad = zhang_san(branch.id);
    bad.phone = "1234".into();
    bad.address = "新地址".into();
    let err = members::update(&t.pool, m.id, &bad, support::today()).await.unwrap_err();
    assert_eq!(err.field(), Some("phone"));
    let after = members::get(&t.pool, m.id).await.unwrap();
    assert_eq!(after.address, "");
    assert_eq!(after.phone, "13812345678");
}

#[tokio::test]
async fn status_changes_need_a_sensible_date() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    let change = |status, date: &str| StatusChange { status, date: Some(date.into()) };
    let err = members::set_status(&t.pool, m.id, &change(MemberStatus::Transferred, "2005-06-30"), support::today())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("date"));
    let err = members::set_status(&t.pool, m.id, &change(MemberStatus::Transferred, "2026-11-29"), support::today())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("不能晚于今天"), "{err}");
    let err = members::set_status(
        &t.pool,
        m.id,
        &StatusChange { status: MemberStatus::Deceased, date: None },
        support::today(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("date"));

    let moved = members::set_status(&t.pool, m.id, &change(MemberStatus::Transferred, "2026-11-28"), support::today())
        .await
        .unwrap();
    assert_eq!(moved.status, MemberStatus::Transferred);
    let s = stats::home(&t.pool, None).await.unwrap();
    assert_eq!(s.active_members, 0);
    assert_eq!(s.by_status.iter().find(|c| c.code == "transferred").unwrap().count, 1);

    let back = members::set_status(
        &t.pool,
        m.id,
        &StatusChange { status: MemberStatus::Active, date: None },
        support::today(),
    )
    .await
    .unwrap();
    assert_eq!((back.status, back.status_date), (MemberStatus::Active, None));
}

#[tokio::test]
async fn search_finds_members_as_a_secretary_types() {
    let t = support::fresh().await;
    let [_, _, community, branch, other] = small_tree(&t.pool).await;
    let elsewhere = add(&t.pool, Some(&other), OrgKind::Community, "大庄社区党总支").await;
    members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    members::create(&t.pool, &person(community.id, "单田芳", "1960-02-01"), support::today()).await.unwrap();
    members::create(&t.pool, &person(community.id, "曾秀英", "1961-02-01"), support::today()).await.unwrap();
    members::create(&t.pool, &person(elsewhere.id, "阿依古丽·买买提", "1980-10-10"), support::today()).await.unwrap();
    members::create(&t.pool, &person(elsewhere.id, "李䶮", "1981-10-10"), support::today()).await.unwrap();
    members::create(&t.pool, &person(elsewhere.id, "𠮷野", "1982-10-10"), support::today()).await.unwrap();

    let names = |q: MemberQuery| {
        let pool = t.pool.clone();
        async move { members::search(&pool, &q).await.unwrap().rows.into_iter().map(|r| r.name).collect::<Vec<_>>() }
    };
    assert_eq!(names(search("zs")).await, ["张三"]);
    assert_eq!(names(search("zhangsan")).await, ["张三"]);
    assert_eq!(names(search("Zhang San")).await, ["张三"]);
    assert_eq!(names(search("张")).await, ["张三"]);
    // A polyphonic surname is found by each reading.
    assert_eq!(names(search("shantianfang")).await, ["单田芳"]);
    assert_eq!(names(search("dantianfang")).await, ["单田芳"]);
    assert_eq!(names(search("zxy")).await, ["曾秀英"]);
    assert_eq!(names(search("cxy")).await, ["曾秀英"]);
    assert_eq!(names(search("ayiguli")).await, ["阿依古丽·买买提"]);
    assert_eq!(names(search("䶮")).await, ["李䶮"]);
    assert_eq!(names(search("𠮷")).await, ["𠮷野"]);
    // Phone and ID-number tails.
    assert_eq!(names(search("5678")).await, ["张三"]);
    assert_eq!(names(search("1232")).await, ["张三"]);
    assert!(names(search("99999")).await.is_empty());
    // Subtree, category and status filters.
    let in_other = MemberQuery { org_id: Some(other.id), ..search("") };
    assert_eq!(names(in_other).await.len(), 3);
    let in_service = MemberQuery { category: Some(Category::InService), ..search("") };
    assert_eq!(names(in_service).await, ["张三"]);
    // Sorted by pinyin of the name, then paginated.
    let sorted = names(MemberQuery { sort: MemberSort::Name, ..search("") }).await;
    assert_eq!(sorted.first().map(String::as_str), Some("阿依古丽·买买提"));
    let page2 = MemberQuery { page: 2, page_size: 4, ..search("") };
    let p = members::search(&t.pool, &page2).await.unwrap();
    assert_eq!((p.total, p.rows.len()), (6, 2));
    let newest_first = names(MemberQuery { sort: MemberSort::CreatedAt, descending: true, ..search("") }).await;
    assert_eq!(newest_first.first().map(String::as_str), Some("𠮷野"));
}

#[tokio::test]
async fn deleted_members_leave_lists_and_free_their_id_number() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    members::delete(&t.pool, m.id, support::today()).await.unwrap();
    assert_eq!(members::search(&t.pool, &search("")).await.unwrap().total, 0);
    assert_eq!(members::get(&t.pool, m.id).await.unwrap_err().kind(), ErrorKind::NotFound);
    members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
}

#[tokio::test]
async fn a_photo_is_copied_into_the_data_folder_and_must_be_an_image() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    let src = t.dir.path().join("picked.png");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/32x32.png"), &src).unwrap();
    photos::set(&t.pool, t.dir.path(), Whose::Member(m.id), &src).await.unwrap();
    let stored = photos::path(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap();
    assert!(stored.starts_with(t.dir.path().join("photos")));
    assert_eq!(std::fs::read(&stored).unwrap(), std::fs::read(&src).unwrap());
    assert!(members::get(&t.pool, m.id).await.unwrap().has_photo);
    let url = photos::data_url(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap();
    assert!(url.starts_with("data:image/png;base64,iVBOR"), "{}", &url[..40]);

    let fake = t.dir.path().join("fake.jpg");
    std::fs::write(&fake, "not an image").unwrap();
    let err = photos::set(&t.pool, t.dir.path(), Whose::Member(m.id), &fake).await.unwrap_err();
    assert_eq!(err.field(), Some("photo"));
    assert_eq!(
        photos::path(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap(),
        stored,
        "the old photo stays"
    );

    // Removed, the photo goes to the recycle bin's folder, whole.
    photos::clear(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap();
    assert!(!stored.exists());
    assert!(!members::get(&t.pool, m.id).await.unwrap().has_photo);
    let binned: Vec<_> = std::fs::read_dir(t.dir.path().join("bin")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(binned.len(), 1);
    assert_eq!(std::fs::read(&binned[0]).unwrap(), std::fs::read(&src).unwrap());
}

#[tokio::test]
async fn pasted_odd_characters_are_refused_at_their_field_and_nothing_is_saved() {
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let refused = |input: MemberInput| {
        let pool = t.pool.clone();
        async move {
            let err = members::create(&pool, &input, support::today()).await.unwrap_err();
            (err.kind(), err.field().map(str::to_owned), err.to_string())
        }
    };
    let validation = |field: &str, message: &str| (ErrorKind::Validation, Some(field.to_owned()), message.to_owned());

    // An ID number of 18 characters with a non-breaking space or a Chinese character in it
    // (byte 17 falls inside the character): an answer at the field, not a panic.
    let mut nbsp = zhang_san(branch.id);
    nbsp.id_number = "5304211980010112\u{a0}3".into();
    assert_eq!(refused(nbsp).await, validation("idNumber", "身份证号前17位应为数字"));
    let mut han = zhang_san(branch.id);
    han.id_number = "5304211980010112张3".into();
    assert_eq!(refused(han).await, validation("idNumber", "身份证号前17位应为数字"));

    // A year of three or five digits is not a date.
    let mut year = zhang_san(branch.id);
    year.joined_on = "205-07-01".into();
    assert_eq!(refused(year).await, validation("joinedOn", "入党日期不是有效日期（格式：2026-11-28）"));
    let mut year = zhang_san(branch.id);
    year.birth_date = "+1980-01-01".into();
    assert_eq!(refused(year).await, validation("birthDate", "出生日期不是有效日期（格式：2026-11-28）"));

    // A line break or a control character in a one-line field; invisible characters alone.
    let mut unit = zhang_san(branch.id);
    unit.work_unit = "县民政局\n办公室".into();
    assert_eq!(refused(unit).await, validation("workUnit", "工作单位只能写一行，请去掉换行"));
    let mut address = zhang_san(branch.id);
    address.address = "大街\u{1b}社区".into();
    assert_eq!(refused(address).await, validation("address", "住址中有无法显示和打印的控制字符，请重新输入"));

    assert_eq!(members::search(&t.pool, &search("")).await.unwrap().total, 0, "nothing was saved");

    // Notes keep their lines; invisible characters pasted with a name's neighbours are dropped.
    let mut notes = zhang_san(branch.id);
    notes.notes = "第一行\r\n第二行".into();
    notes.work_unit = "县民政局\u{200B}".into();
    let saved = members::create(&t.pool, &notes, support::today()).await.unwrap();
    assert_eq!((saved.notes.as_str(), saved.work_unit.as_str()), ("第一行\n第二行", "县民政局"));
}

/// A phone's 12-megapixel picture is stored scaled into 900 × 1200 as JPEG (small in the data
/// folder and in backups); a file over 20 MB is refused before it is read.
#[tokio::test]
async fn a_large_photo_is_stored_scaled_down_and_an_oversized_file_is_refused() {
    use image::ImageEncoder;
    let t = support::fresh().await;
    let [_, _, _, branch, _] = small_tree(&t.pool).await;
    let m = members::create(&t.pool, &zhang_san(branch.id), support::today()).await.unwrap();
    let picture = image::RgbImage::from_fn(3000, 4000, |x, y| image::Rgb([(x / 12) as u8, (y / 16) as u8, 90]));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(picture.as_raw(), 3000, 4000, image::ExtendedColorType::Rgb8)
        .unwrap();
    let src = t.dir.path().join("手机 照片.png");
    std::fs::write(&src, &png).unwrap();
    photos::set(&t.pool, t.dir.path(), Whose::Member(m.id), &src).await.unwrap();
    let stored = photos::path(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap();
    assert_eq!(stored.extension().unwrap(), "jpg", "stored as JPEG");
    let kept = image::load_from_memory(&std::fs::read(&stored).unwrap()).unwrap();
    assert_eq!((kept.width(), kept.height()), (900, 1200));
    let url = photos::data_url(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap();
    assert!(url.starts_with("data:image/jpeg;base64,"), "{}", &url[..30]);

    let huge = t.dir.path().join("太大.jpg");
    let mut bytes = vec![0xFF, 0xD8, 0xFF];
    bytes.resize(20 * 1024 * 1024 + 1, 0);
    std::fs::write(&huge, bytes).unwrap();
    let e = photos::set(&t.pool, t.dir.path(), Whose::Member(m.id), &huge).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.field(), e.to_string()),
        (ErrorKind::Validation, Some("photo"), "照片文件不能大于20MB".to_owned())
    );
    assert_eq!(
        photos::path(&t.pool, t.dir.path(), Whose::Member(m.id)).await.unwrap().unwrap(),
        stored,
        "the scaled photo stays"
    );
}
