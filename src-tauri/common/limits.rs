//! Every length limit and day rule the forms and the core share, named once: the core checks
//! them and the window reads them from `bindings.ts` (`LIMITS`) for its `maxlength`s and hints.
//! Lengths count characters (a rare character outside the BMP counts as one).

macro_rules! limits {
    ($($(#[doc = $doc:literal])+ $name:ident: $ty:ty = $value:literal;)+) => {
        $($(#[doc = $doc])+ pub const $name: $ty = $value;)+

        /// `export const LIMITS = { … } as const`, appended to `bindings.ts`.
        pub fn typescript() -> String {
            let mut out = String::from("/** Limits and day rules, named once in src-tauri/common/limits.rs. */\nexport const LIMITS = {\n");
            $(out.push_str(&format!("  {}: {},\n", stringify!($name), $value));)+
            out.push_str("} as const");
            out
        }
    };
}

limits! {
    // People
    /// A person's name (members, leaders, deputies, cadres, volunteers).
    NAME: usize = 20;
    /// Who is working (操作人), carried by every change recorded.
    OPERATOR: usize = 20;
    /// A phone number as typed (a landline may carry an extension).
    PHONE: usize = 20;
    /// A citizen ID number.
    ID_NUMBER: usize = 18;
    /// A member's home address.
    ADDRESS: usize = 100;
    /// A member's work unit.
    MEMBER_WORK_UNIT: usize = 50;
    /// A deputy's work unit.
    DEPUTY_WORK_UNIT: usize = 60;
    /// Notes on a member.
    MEMBER_NOTES: usize = 500;
    /// A job title (a leader's or a pairing cadre's 职务).
    JOB_TITLE: usize = 40;
    /// Who raised or answers for something (提出人, 反映人, 责任人).
    PERSON: usize = 40;
    // Organizations, posts, zones
    /// An organization's name.
    ORG_NAME: usize = 40;
    /// A post's name.
    POST_NAME: usize = 30;
    /// A post's duties.
    POST_DUTIES: usize = 500;
    /// How many members one post takes at most.
    POST_CAPACITY: i64 = 200;
    /// A responsibility zone's name.
    ZONE_NAME: usize = 30;
    /// A building, lane or other item inside a zone.
    ZONE_ITEM_NAME: usize = 40;
    /// The place or post written on an identity mark (亮身份).
    MARK_PLACE: usize = 30;
    // Pledges
    /// Items on one pledge.
    PLEDGE_ITEMS: usize = 20;
    /// What one pledge item promises.
    PLEDGE_CONTENT: usize = 200;
    /// The shortest pledge item that says something: shorter content cannot say what will be
    /// done and how much ("服务群众" is not a pledge).
    PLEDGE_CONTENT_MIN: usize = 8;
    /// The measures of one pledge item.
    PLEDGE_MEASURES: usize = 300;
    /// Who answers for one pledge item.
    PLEDGE_OWNER: usize = 30;
    /// One entry of fulfilment (践诺情况).
    PROGRESS_TEXT: usize = 500;
    /// An appraisal's comment.
    APPRAISAL_COMMENT: usize = 200;
    // 四进
    /// A pairing agreement's text.
    AGREEMENT: usize = 1000;
    /// One support record, one help record, one reply or outcome, one request or suggestion.
    RECORD_TEXT: usize = 500;
    /// Notes of a visit or a deputy's activity, one diary entry.
    LONG_NOTES: usize = 2000;
    /// Who took part in a visit.
    PARTICIPANTS: usize = 200;
    /// A place (a reception point, an activity).
    PLACE: usize = 60;
    /// When a reception point receives.
    SCHEDULE: usize = 100;
    /// Who is helped by a help pair.
    HELPED: usize = 60;
    /// An activity's organizer or service type.
    ACTIVITY_LABEL: usize = 40;
    // Printing
    /// The title of a printed item (承诺卡, 胸牌 …).
    PRINT_TITLE: usize = 20;
    /// The public-notice sheet's title.
    NOTICE_TITLE: usize = 30;
    /// The issuer line and the supervision phone on printed items.
    PRINT_FOOTER: usize = 40;
    // Day rules
    /// A request or suggestion open longer than this many days is a reminder on the home page.
    STALE_DAYS: u64 = 30;
    /// An agreement ending within this many days is marked and reminded of.
    AGREEMENT_NOTICE_DAYS: u64 = 60;
    /// The home page's 最近变动 covers this many days.
    RECENT_CHANGE_DAYS: i64 = 30;
    /// The most rows one page of a list asks for.
    PAGE_SIZE_MAX: u32 = 200;
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_gets_each_limit_under_its_rust_name() {
        let ts = super::typescript();
        assert!(ts.starts_with("/** Limits"), "{ts}");
        for line in ["  NAME: 20,\n", "  AGREEMENT_NOTICE_DAYS: 60,\n", "  PAGE_SIZE_MAX: 200,\n"] {
            assert!(ts.contains(line), "{line:?} missing from {ts}");
        }
        assert!(ts.ends_with("} as const"));
    }
}
