//! SQL for 最近变动: the latest writes across the tables, grouped per minute and kind so a batch
//! (25 members marked at once, a roster loaded) reads as one line with its count.

use sqlx::SqliteConnection;

use crate::error::Result;

/// One group of changes: what kind, when (the latest in the group, UTC RFC 3339), the first
/// name or title it concerns, a kind-specific detail code, and how many records.
#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub kind: String,
    pub at: String,
    pub subject: String,
    pub detail: String,
    pub count: i64,
}

/// The latest change groups since `since` under a subtree (all when `None`), newest first.
pub async fn recent(
    conn: &mut SqliteConnection,
    under: Option<i64>,
    since: &str,
    limit: i64,
) -> Result<Vec<ChangeRow>> {
    Ok(sqlx::query_as!(
        ChangeRow,
        r#"SELECT kind AS "kind!: String", at AS "at!: String", subject AS "subject!: String",
                  detail AS "detail!: String", n AS "count!: i64"
           FROM (
             SELECT 'member_added' AS kind, max(m.created_at) AS at, min(m.name) AS subject, '' AS detail, count(*) AS n
               FROM members m
              WHERE m.deleted_at IS NULL AND m.created_at >= ?2 AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(m.created_at, 1, 16)
             UNION ALL
             SELECT 'member_changed', max(m.updated_at), min(m.name), '', count(*)
               FROM members m
              WHERE m.deleted_at IS NULL AND m.updated_at >= ?2 AND m.updated_at > m.created_at
                AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(m.updated_at, 1, 16)
             UNION ALL
             SELECT 'identity', max(i.created_at), min(m.name), i.mark_type, count(*)
               FROM identity_marks i JOIN members m ON m.id = i.member_id
              WHERE i.deleted_at IS NULL AND i.created_at >= ?2 AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(i.created_at, 1, 16), i.mark_type
             UNION ALL
             SELECT 'post', max(a.created_at), min(m.name), a.how, count(*)
               FROM post_assignments a JOIN members m ON m.id = a.member_id
              WHERE a.created_at >= ?2 AND (?1 IS NULL OR m.org_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(a.created_at, 1, 16), a.how
             UNION ALL
             SELECT 'pledge', max(p.updated_at), min(coalesce(m.name, po.name)), p.status, count(*)
               FROM pledges p LEFT JOIN members m ON m.id = p.member_id
               LEFT JOIN organizations po ON po.id = p.org_id
              WHERE p.deleted_at IS NULL AND p.updated_at >= ?2
                AND (?1 IS NULL OR coalesce(p.org_id, m.org_id) IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(p.updated_at, 1, 16), p.status
             UNION ALL
             SELECT 'progress', max(g.created_at), min(coalesce(m.name, po.name)), '', count(*)
               FROM pledge_progress g JOIN pledges p ON p.id = g.pledge_id
               LEFT JOIN members m ON m.id = p.member_id LEFT JOIN organizations po ON po.id = p.org_id
              WHERE g.created_at >= ?2 AND (?1 IS NULL OR coalesce(p.org_id, m.org_id) IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(g.created_at, 1, 16)
             UNION ALL
             SELECT 'support', max(s.created_at), min(u.name || ' → ' || c.name), s.kind, count(*)
               FROM support_records s JOIN pairings p ON p.id = s.pairing_id
               JOIN organizations u ON u.id = p.unit_id JOIN organizations c ON c.id = p.community_id
              WHERE s.deleted_at IS NULL AND s.created_at >= ?2 AND (?1 IS NULL OR c.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(s.created_at, 1, 16), s.kind
             UNION ALL
             SELECT 'leader_visit', max(v.created_at), min(l.name || ' → ' || c.name), '', count(*)
               FROM leader_visits v JOIN contact_leaders l ON l.id = v.leader_id JOIN organizations c ON c.id = v.community_id
              WHERE v.deleted_at IS NULL AND v.created_at >= ?2 AND (?1 IS NULL OR c.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(v.created_at, 1, 16)
             UNION ALL
             SELECT 'difficulty', max(d.updated_at), min(d.content), d.status, count(*)
               FROM difficulties d
              WHERE d.updated_at >= ?2 AND d.updated_at > d.created_at
                AND (?1 IS NULL OR d.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(d.updated_at, 1, 16), d.status
             UNION ALL
             SELECT 'deputy_visit', max(v.created_at), min(d.name || ' → ' || c.name), '', count(*)
               FROM deputy_visits v JOIN deputies d ON d.id = v.deputy_id JOIN organizations c ON c.id = v.community_id
              WHERE v.deleted_at IS NULL AND v.created_at >= ?2 AND (?1 IS NULL OR c.id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(v.created_at, 1, 16)
             UNION ALL
             SELECT 'reply', max(s.updated_at), min(s.content), '', count(*)
               FROM suggestions s
              WHERE s.replied_on IS NOT NULL AND s.updated_at >= ?2 AND s.updated_at > s.created_at
                AND (?1 IS NULL OR s.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(s.updated_at, 1, 16)
             UNION ALL
             SELECT 'volunteering', max(a.created_at), min(a.organizer || '：' || a.service_type), '', count(*)
               FROM volunteer_activities a
              WHERE a.deleted_at IS NULL AND a.created_at >= ?2 AND (?1 IS NULL OR a.community_id IN (SELECT org_id FROM org_subtree WHERE root_id = ?1))
              GROUP BY substr(a.created_at, 1, 16)
           )
           ORDER BY at DESC, kind
           LIMIT ?3"#,
        under,
        since,
        limit
    )
    .fetch_all(conn)
    .await?)
}
