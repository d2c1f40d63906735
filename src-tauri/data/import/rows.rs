//! One roster row turned into the member form's input, with every problem placed at its cell:
//! first what only a file can get wrong (unreadable dates, damaged ID numbers, unknown
//! organizations and words), then the form's own rules, unchanged.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::columns::Column;
use super::orgs::{OrgMatch, OrgMatcher};
use super::sheet::Cell;
use super::values::{self, DateValue};
use crate::common::catalog::{Category, Gender, EDUCATIONS};
use crate::common::validate;
use crate::error::Error;
use crate::roster::members::{self, MemberInput, MemberRecord};

/// A problem with a row, at the column it concerns (none for the row as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CellIssue {
    pub column: Option<Column>,
    pub message: String,
}

impl CellIssue {
    pub fn at(column: Column, message: impl Into<String>) -> Self {
        CellIssue { column: Some(column), message: message.into() }
    }
}

/// What applies to every row of a file: the organization for rows that name none.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowDefaults {
    pub org_id: Option<i64>,
    pub category: Option<Category>,
}

/// The cells of a row by column; a column the file lacks reads as empty.
pub struct RowCells<'a> {
    pub cells: &'a [Cell],
    pub columns: &'a [Option<Column>],
}

const EMPTY: Cell = Cell::Empty;

impl RowCells<'_> {
    pub fn get(&self, column: Column) -> &Cell {
        self.columns.iter().position(|c| *c == Some(column)).and_then(|i| self.cells.get(i)).unwrap_or(&EMPTY)
    }

    fn text(&self, column: Column) -> String {
        values::text(self.get(column))
    }

    /// A row with nothing in any member column (an empty line, or a 序号 alone) is no member.
    pub fn is_blank(&self) -> bool {
        Column::ALL.iter().all(|c| self.get(*c).is_blank())
    }
}

/// The form field (as `Error::Validation` names it) each column fills.
fn column_of_field(field: &str) -> Option<Column> {
    Some(match field {
        "name" => Column::Name,
        "orgId" => Column::Org,
        "gender" => Column::Gender,
        "ethnicity" => Column::Ethnicity,
        "birthDate" => Column::BirthDate,
        "joinedOn" => Column::JoinedOn,
        "idNumber" => Column::IdNumber,
        "phone" => Column::Phone,
        "education" => Column::Education,
        "address" => Column::Address,
        "workUnit" => Column::WorkUnit,
        "category" => Column::Category,
        "notes" => Column::Notes,
        _ => return None,
    })
}

/// A date column in the form's spelling; a month alone or unreadable text is reported.
fn date_field(row: &RowCells, column: Column, label: &str, issues: &mut Vec<CellIssue>) -> String {
    match values::parse_date(row.get(column)) {
        DateValue::Empty => String::new(),
        DateValue::Day(_) => values::parse_date(row.get(column)).ymd().unwrap_or_default(),
        DateValue::Month { year, month } => {
            issues.push(CellIssue::at(column, format!("{label}只有年月（{year}年{month}月），请补全到日")));
            String::new()
        }
        DateValue::Unreadable => {
            issues.push(CellIssue::at(column, format!("{label}“{}”不是有效日期（如：2011-08-22）", row.text(column))));
            String::new()
        }
    }
}

/// The form's input for a row, and the problems found reading it.
pub fn input_of(row: &RowCells, orgs: &OrgMatcher, defaults: RowDefaults) -> (MemberInput, Vec<CellIssue>) {
    let mut issues = Vec::new();
    let id_number = match values::id_number(row.get(Column::IdNumber)) {
        Ok(id) => id,
        Err(message) => {
            issues.push(CellIssue::at(Column::IdNumber, message));
            String::new()
        }
    };
    let id_info = validate::parse_id_number(&id_number).ok();
    let gender_text = row.text(Column::Gender);
    let gender = match values::gender(&gender_text) {
        Some(g) => Some(g),
        None if gender_text.is_empty() => id_info.as_ref().map(|i| if i.male { Gender::Male } else { Gender::Female }),
        None => {
            issues.push(CellIssue::at(Column::Gender, format!("性别“{gender_text}”应为男或女")));
            None
        }
    };
    let ethnicity_text = row.text(Column::Ethnicity);
    let ethnicity = match values::ethnicity(&ethnicity_text) {
        Some(e) => e.to_owned(),
        None if ethnicity_text.is_empty() => String::new(),
        None => {
            issues.push(CellIssue::at(Column::Ethnicity, format!("民族“{ethnicity_text}”不在56个民族之中")));
            String::new()
        }
    };
    // A birth month that agrees with the ID number is completed from it.
    let birth_date = match (values::parse_date(row.get(Column::BirthDate)), &id_info) {
        (DateValue::Month { year, month }, Some(info))
            if info.birth_date.format("%Y-%m").to_string() == format!("{year:04}-{month:02}") =>
        {
            info.birth_date.format("%Y-%m-%d").to_string()
        }
        _ => date_field(row, Column::BirthDate, "出生日期", &mut issues),
    };
    let joined_on = date_field(row, Column::JoinedOn, "入党日期", &mut issues);
    let org_text = row.text(Column::Org);
    let org_id = if org_text.is_empty() {
        defaults.org_id
    } else {
        match orgs.find(&org_text) {
            OrgMatch::Found(id) => Some(id),
            OrgMatch::Ambiguous(message) | OrgMatch::Unknown(message) => {
                issues.push(CellIssue::at(Column::Org, message));
                None
            }
        }
    };
    let category_text = row.text(Column::Category);
    let category = match values::category(&category_text) {
        Some(c) => Some(c),
        None if category_text.is_empty() => defaults.category,
        None => {
            let labels: Vec<&str> = Category::ALL.iter().map(|c| c.label()).collect();
            issues
                .push(CellIssue::at(Column::Category, format!("党员类别“{category_text}”应为：{}", labels.join("、"))));
            None
        }
    };
    let education_text = row.text(Column::Education);
    let education = match values::education(&education_text) {
        Some(e) => e.to_owned(),
        None if education_text.is_empty() => String::new(),
        None => {
            issues.push(CellIssue::at(
                Column::Education,
                format!("学历“{education_text}”应为：{}", EDUCATIONS.join("、")),
            ));
            String::new()
        }
    };
    let input = MemberInput {
        org_id,
        name: row.text(Column::Name),
        gender,
        ethnicity,
        birth_date,
        joined_on,
        education,
        id_number,
        phone: row.text(Column::Phone),
        address: row.text(Column::Address),
        work_unit: row.text(Column::WorkUnit),
        category,
        notes: row.text(Column::Notes),
        confirm_duplicate: true,
        version: None,
    };
    (input, issues)
}

/// The form's rules on a row's input. A field already reported while reading is left out of
/// the form's check (its message would only repeat "please fill in"), so each cell shows one
/// problem and a row shows all of its problems at once.
pub fn check(
    row: &RowCells,
    orgs: &OrgMatcher,
    defaults: RowDefaults,
    today: NaiveDate,
) -> Result<MemberRecord, Vec<CellIssue>> {
    let (mut input, mut issues) = input_of(row, orgs, defaults);
    // Run the form's rules until they pass, reporting each field once: the form stops at its
    // first problem, and a field it refuses is blanked to a valid stand-in to reach the next.
    for _ in 0..Column::ALL.len() {
        match members::validate(&input, today) {
            Ok(record) if issues.is_empty() => return Ok(record),
            Ok(_) => return Err(issues),
            Err(Error::Validation { field, message }) => {
                let column = field.as_deref().and_then(column_of_field);
                let reported = column.is_some_and(|c| issues.iter().any(|i| i.column == Some(c)));
                if !reported {
                    let message = match column {
                        Some(Column::IdNumber)
                            if values::looks_truncated(&input.id_number) && message.contains("校验位") =>
                        {
                            values::ID_TRAILING_ZEROS.to_owned()
                        }
                        _ => message,
                    };
                    issues.push(CellIssue { column, message });
                }
                if !stand_in(&mut input, column) {
                    return Err(issues);
                }
            }
            Err(other) => {
                issues.push(CellIssue { column: None, message: other.to_string() });
                return Err(issues);
            }
        }
    }
    Err(issues)
}

/// Replaces a refused field with a value the form accepts, so the next field can be checked.
/// False when there is no such value (the row has told all it can).
fn stand_in(input: &mut MemberInput, column: Option<Column>) -> bool {
    const BIRTH: &str = "1980-01-01";
    let id_info = validate::parse_id_number(&input.id_number).ok();
    match column {
        Some(Column::Name) => input.name = "张三".to_owned(),
        Some(Column::Org) => input.org_id = Some(input.org_id.unwrap_or_default()),
        Some(Column::Gender) => {
            input.gender = Some(id_info.map_or(Gender::Male, |i| if i.male { Gender::Male } else { Gender::Female }))
        }
        Some(Column::IdNumber) => input.id_number = String::new(),
        Some(Column::BirthDate) => {
            input.birth_date = id_info.map_or(BIRTH.to_owned(), |i| i.birth_date.format("%Y-%m-%d").to_string());
        }
        Some(Column::Ethnicity) => input.ethnicity = "汉族".to_owned(),
        Some(Column::JoinedOn) => {
            // Judged against the birth date: a stand-in pair that always agrees.
            input.joined_on = "2005-07-01".to_owned();
            input.birth_date = BIRTH.to_owned();
            input.id_number = String::new();
        }
        Some(Column::Phone) => input.phone = String::new(),
        Some(Column::Education) => input.education = String::new(),
        Some(Column::Address) => input.address = String::new(),
        Some(Column::WorkUnit) => input.work_unit = String::new(),
        Some(Column::Category) => input.category = Some(Category::InService),
        Some(Column::Notes) => input.notes = String::new(),
        None => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::orgs::org;
    use super::*;
    use crate::common::catalog::OrgKind;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    fn orgs() -> OrgMatcher {
        OrgMatcher::new(&[
            org(2, OrgKind::Community, "大街社区党总支", "/2/"),
            org(3, OrgKind::Branch, "第一党支部", "/2/3/"),
        ])
    }

    const COLUMNS: [Option<Column>; 9] = [
        Some(Column::Name),
        Some(Column::Gender),
        Some(Column::Ethnicity),
        Some(Column::BirthDate),
        Some(Column::JoinedOn),
        Some(Column::IdNumber),
        Some(Column::Phone),
        Some(Column::Org),
        Some(Column::Category),
    ];

    fn cells(values: [&str; 9]) -> Vec<Cell> {
        values.iter().map(|v| if v.is_empty() { Cell::Empty } else { Cell::Text((*v).to_owned()) }).collect()
    }

    fn checked(values: [&str; 9]) -> Result<MemberRecord, Vec<CellIssue>> {
        let cells = cells(values);
        check(&RowCells { cells: &cells, columns: &COLUMNS }, &orgs(), RowDefaults::default(), today())
    }

    // 530421198001011232: born 1980-01-01, male, check digit right.
    const GOOD: [&str; 9] =
        ["张三", "男", "汉", "1980.1.1", "2005年7月1日", "530421 19800101 1232", "138 1234 5678", "第一党支部", "在职"];

    #[test]
    fn a_row_as_people_type_it_becomes_the_forms_record() {
        let record = checked(GOOD).expect("a good row");
        assert_eq!(record.name, "张三");
        assert_eq!(record.gender, Gender::Male);
        assert_eq!(record.ethnicity, "汉族");
        assert_eq!(record.birth_date, NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"));
        assert_eq!(record.joined_on, NaiveDate::from_ymd_opt(2005, 7, 1).expect("date"));
        assert_eq!(record.id_number.as_deref(), Some("530421198001011232"));
        assert_eq!(record.phone, "13812345678");
        assert_eq!(record.org_id, 3);
        assert_eq!(record.category, Category::InService);
    }

    #[test]
    fn gender_and_birth_date_come_from_the_id_number_when_left_empty() {
        let mut row = GOOD;
        row[1] = "";
        row[3] = "1980.01";
        let record = checked(row).expect("completed from the ID number");
        assert_eq!(record.gender, Gender::Male);
        assert_eq!(record.birth_date, NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"));
    }

    #[test]
    fn every_problem_of_a_row_at_its_cell() {
        let issues =
            checked(["", "男", "火星", "1980-02-30", "2005.07", "4.40305E+17", "12345", "第三党支部", "离退休"])
                .expect_err("a bad row");
        let at =
            |c: Column| issues.iter().filter(|i| i.column == Some(c)).map(|i| i.message.as_str()).collect::<Vec<_>>();
        assert_eq!(at(Column::Name), ["请填写姓名"]);
        assert_eq!(at(Column::Ethnicity), ["民族“火星”不在56个民族之中"]);
        assert_eq!(at(Column::BirthDate), ["出生日期“1980-02-30”不是有效日期（如：2011-08-22）"]);
        assert_eq!(at(Column::JoinedOn), ["入党日期只有年月（2005年7月），请补全到日"]);
        assert_eq!(at(Column::IdNumber), [values::ID_STORED_AS_NUMBER]);
        assert_eq!(at(Column::Org), ["找不到党组织“第三党支部”，是否是：大街社区党总支/第一党支部"]);
        assert_eq!(at(Column::Category).len(), 1);
        assert!(at(Column::Category)[0].starts_with("党员类别“离退休”应为：在职党员、无职党员"));
        assert_eq!(at(Column::Phone).len(), 1, "the form's phone rule still runs: {issues:?}");
        assert_eq!(issues.len(), 8, "{issues:?}");
    }

    #[test]
    fn the_forms_own_rules_apply_unchanged() {
        let mut row = GOOD;
        row[1] = "女";
        assert_eq!(
            checked(row).expect_err("gender against ID"),
            vec![CellIssue::at(Column::IdNumber, "身份证号显示性别为男，与所选性别不一致")]
        );
        let mut row = GOOD;
        row[4] = "1990-01-01";
        assert_eq!(
            checked(row).expect_err("too young"),
            vec![CellIssue::at(Column::JoinedOn, "入党日期不能早于年满18周岁之日")]
        );
        let mut row = GOOD;
        row[5] = "530421198001011000";
        assert_eq!(
            checked(row).expect_err("cut by Excel"),
            vec![CellIssue::at(Column::IdNumber, values::ID_TRAILING_ZEROS)]
        );
        let mut row = GOOD;
        row[5] = "530421198001011231";
        assert_eq!(
            checked(row).expect_err("wrong check digit"),
            vec![CellIssue::at(Column::IdNumber, "身份证号校验位不正确，请核对")]
        );
    }

    #[test]
    fn a_file_without_an_organization_column_takes_the_chosen_one() {
        let mut row = GOOD;
        row[7] = "";
        assert_eq!(checked(row).expect_err("no organization"), vec![CellIssue::at(Column::Org, "请选择所属组织")]);
        let cells = cells(row);
        let defaults = RowDefaults { org_id: Some(3), category: None };
        let record = check(&RowCells { cells: &cells, columns: &COLUMNS }, &orgs(), defaults, today())
            .expect("the chosen organization");
        assert_eq!(record.org_id, 3);
    }

    #[test]
    fn blank_rows_are_no_members() {
        let mut columns = COLUMNS.to_vec();
        columns.insert(0, None);
        let cells = vec![Cell::Text("12".to_owned()), Cell::Text("  ".to_owned())];
        assert!(RowCells { cells: &cells, columns: &columns }.is_blank());
        let cells = vec![Cell::Empty, Cell::Text("李四".to_owned())];
        assert!(!RowCells { cells: &cells, columns: &columns }.is_blank());
    }
}
