//! 机关单位进社区 in a review: unit pairings and their agreements at `as_of`, the support given
//! within the period (funds to the fen, per unit), and the cadre help pairs.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use sqlx::SqliteConnection;

use super::model::{PairingFigures, SupportByKind, UnitFunds};
use crate::common::catalog::SupportKind;
use crate::common::limits;
use crate::error::Result;

/// One community's pairings in force at `as_of` and the funds it was given within the period.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommunityPairings {
    pub pairings: i64,
    pub funds_fen: i64,
}

/// The figures for the communities in ?1, and each community's line for the 一览表.
pub async fn pairings(
    conn: &mut SqliteConnection,
    ids: &str,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<(PairingFigures, HashMap<i64, CommunityPairings>)> {
    let notice_end = as_of.checked_add_days(Days::new(limits::AGREEMENT_NOTICE_DAYS)).unwrap_or(as_of);
    let in_force = sqlx::query!(
        r#"SELECT p.community_id AS "community_id!: i64", count(*) AS "pairings!: i64",
                  coalesce(sum(p.signed_on <= ?2 AND (p.agreement_until IS NULL OR p.agreement_until >= ?2)), 0) AS "agreements!: i64",
                  coalesce(sum(p.signed_on <= ?2 AND p.agreement_until > ?2 AND p.agreement_until <= ?3), 0) AS "ending!: i64"
           FROM pairings p
           WHERE p.deleted_at IS NULL AND p.start_on <= ?2 AND (p.end_on IS NULL OR p.end_on >= ?2)
             AND p.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY p.community_id"#,
        ids,
        as_of,
        notice_end
    )
    .fetch_all(&mut *conn)
    .await?;
    let support = sqlx::query!(
        r#"SELECT q.community_id AS "community_id!: i64", u.name AS unit, s.kind AS "kind: SupportKind",
                  count(*) AS "n!: i64", coalesce(sum(s.amount_fen), 0) AS "fen!: i64"
           FROM support_records s JOIN pairings q ON q.id = s.pairing_id JOIN organizations u ON u.id = q.unit_id
           WHERE s.deleted_at IS NULL AND q.deleted_at IS NULL AND s.given_on BETWEEN ?2 AND ?3
             AND q.community_id IN (SELECT value FROM json_each(?1))
           GROUP BY 1, 2, 3"#,
        ids,
        first,
        as_of
    )
    .fetch_all(&mut *conn)
    .await?;
    let help = sqlx::query!(
        r#"SELECT coalesce(sum(h.start_on <= ?3 AND (h.end_on IS NULL OR h.end_on >= ?3)), 0) AS "pairs!: i64",
                  coalesce(sum((SELECT count(*) FROM help_records r WHERE r.help_pair_id = h.id
                                AND r.helped_on BETWEEN ?2 AND ?3)), 0) AS "records!: i64"
           FROM help_pairs h
           WHERE h.deleted_at IS NULL AND h.community_id IN (SELECT value FROM json_each(?1))"#,
        ids,
        first,
        as_of
    )
    .fetch_one(&mut *conn)
    .await?;

    let mut per_community: HashMap<i64, CommunityPairings> = HashMap::new();
    for r in &in_force {
        per_community.entry(r.community_id).or_default().pairings = r.pairings;
    }
    let mut funds_by_unit: Vec<UnitFunds> = Vec::new();
    for r in support.iter().filter(|r| r.kind == SupportKind::Funds) {
        per_community.entry(r.community_id).or_default().funds_fen += r.fen;
        match funds_by_unit.iter_mut().find(|u| u.unit == r.unit) {
            Some(u) => u.fen += r.fen,
            None => funds_by_unit.push(UnitFunds { unit: r.unit.clone(), fen: r.fen }),
        }
    }
    funds_by_unit.sort_by(|a, b| b.fen.cmp(&a.fen).then_with(|| a.unit.cmp(&b.unit)));
    let of_kind = |kind: SupportKind, value: &dyn Fn(i64, i64) -> i64| -> i64 {
        support.iter().filter(|r| r.kind == kind).map(|r| value(r.n, r.fen)).sum()
    };
    let figures = PairingFigures {
        pairings: in_force.iter().map(|r| r.pairings).sum(),
        communities_paired: in_force.len() as i64,
        agreements: in_force.iter().map(|r| r.agreements).sum(),
        agreements_ending: in_force.iter().map(|r| r.ending).sum(),
        support: SupportKind::ALL
            .iter()
            .map(|k| SupportByKind {
                code: k.code().into(),
                label: k.label().into(),
                count: of_kind(*k, &|n, _| n),
                fen: of_kind(*k, &|_, fen| fen),
            })
            .collect(),
        funds_fen: of_kind(SupportKind::Funds, &|_, fen| fen),
        funds_by_unit,
        help_pairs: help.pairs,
        help_records: help.records,
    };
    Ok((figures, per_community))
}
