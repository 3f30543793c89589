//! The command line's grammar (SPEC §14): `handover NOUN VERB`, with the global options
//! `--database`, `--as`, `--format` and `--config` accepted on every command. Values people
//! type are parsed here into domain types, so a bad value is a usage error naming its option.

use clap::{Args, Parser, Subcommand, ValueEnum};
use handover_core::actor::Role;
use handover_core::calendar::{MonthStart, parse_date};
use handover_core::finance::version::VersionPurpose;
use handover_core::finance::{RateDate, RateType};
use handover_core::ids::Code;
use handover_core::money::{Currency, parse_decimal};
use handover_core::text::Lang;
use rust_decimal::Decimal;
use std::net::SocketAddr;
use std::path::PathBuf;
use time::Date;

/// Handover: plan, monitor and hand over Regional Technical Offices and other
/// results-based plans of local authorities and their partners.
#[derive(Debug, Parser)]
#[command(
    name = "handover",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// The heading of the options every command accepts.
const GLOBAL: &str = "Global options";

/// Options accepted by every command.
#[derive(Debug, Args)]
pub struct Global {
    /// The database: sqlite://PATH, a file path, or postgres://USER[:PASS]@HOST:PORT/DB
    /// [default: sqlite://handover.db]
    #[arg(
        long,
        global = true,
        help_heading = GLOBAL,
        value_name = "URL",
        env = "HANDOVER_DATABASE_URL",
        hide_env_values = true
    )]
    pub database: Option<String>,
    /// Act within this organisation's scope, as its administrator (code or id)
    #[arg(long = "as", global = true, help_heading = GLOBAL, value_name = "ORG")]
    pub as_org: Option<String>,
    /// How to print lists and records: text for people, json for scripts
    #[arg(long, global = true, help_heading = GLOBAL, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Configuration file [default: handover.toml when present]
    #[arg(long, global = true, help_heading = GLOBAL, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Output format of lists and records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or upgrade the database and install the built-in templates
    Init,
    /// The organisation directory: municipalities, unions, partners, ministries
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// User accounts: add, list, disable (passwords are read from standard input)
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// A user's role in an organisation: add (or change) and remove
    Member {
        #[command(subcommand)]
        command: MemberCommand,
    },
    /// API tokens for scripts: create (the secret is shown once), list, revoke
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Templates plans are made from: list, show, export, import, schema
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Plans: create, list and show
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Exchange rates, dated, per currency pair and rate type: import, list, add
    Rates {
        #[command(subcommand)]
        command: RatesCommand,
    },
    /// A plan's cost lines: import from a spreadsheet, list
    Costs {
        #[command(subcommand)]
        command: CostsCommand,
    },
    /// A plan's budget: totals, frozen versions, their comparison, the XLSX workbook
    Budget {
        #[command(subcommand)]
        command: BudgetCommand,
    },
    /// The audit trail: who changed what, when
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Load fictional demo data (only into a database that holds no plans)
    Demo,
    /// Run the web server
    Serve(ServeArgs),
    /// The configuration file
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation to the directory
    Add(OrgAddArgs),
    /// List the directory
    List,
    /// Let an organisation read every plan as a ministry (or stop it with --off)
    FlagMinistry {
        /// The organisation (code or id)
        #[arg(value_name = "ORG")]
        org: String,
        /// Remove the ministry flag instead of setting it
        #[arg(long)]
        off: bool,
    },
}

#[derive(Debug, Args)]
pub struct OrgAddArgs {
    /// Short unique code: lower-case letters, digits and dashes (e.g. union-tyre)
    #[arg(long)]
    pub code: String,
    /// Full name
    #[arg(long)]
    pub name: String,
    /// Type: municipality, union_of_municipalities, development_partner, ministry, ngo, …
    #[arg(long = "type", value_name = "TYPE")]
    pub org_type: String,
    /// Region, e.g. the governorate (South, North, Bekaa…)
    #[arg(long)]
    pub region: Option<String>,
    /// The union of municipalities a municipality belongs to (its code)
    #[arg(long = "union", value_name = "CODE")]
    pub union_code: Option<String>,
    /// IATI organisation identifier, e.g. XM-DAC-41114
    #[arg(long, value_name = "ID")]
    pub iati_id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is read from standard input (one line), never from an argument
    Add(UserAddArgs),
    /// List users (with --as ORG, that organisation's)
    List,
    /// Disable a user: they can no longer sign in, and their sessions and tokens stop working
    Disable {
        /// The user (e-mail address or id)
        #[arg(value_name = "USER")]
        user: String,
        /// Enable the user again instead
        #[arg(long)]
        enable: bool,
    },
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// E-mail address, used to sign in
    #[arg(long)]
    pub email: String,
    /// Full name
    #[arg(long)]
    pub name: String,
    /// A first organisation to belong to (code or id)
    #[arg(long, value_name = "ORG", requires = "role")]
    pub org: Option<String>,
    /// The role there: administrator, editor, reporter or viewer
    #[arg(long, value_name = "ROLE", value_parser = Role::parse, requires = "org")]
    pub role: Option<Role>,
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Give a user a role in an organisation, or change it
    Add {
        /// The user (e-mail address or id)
        #[arg(value_name = "USER")]
        user: String,
        /// The organisation (code or id)
        #[arg(long, value_name = "ORG")]
        org: String,
        /// administrator, editor, reporter or viewer
        #[arg(long, value_name = "ROLE", value_parser = Role::parse)]
        role: Role,
    },
    /// Remove a user from an organisation; their tokens and sessions for it stop working
    Remove {
        /// The user (e-mail address or id)
        #[arg(value_name = "USER")]
        user: String,
        /// The organisation (code or id)
        #[arg(long, value_name = "ORG")]
        org: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; its secret is printed this once
    Create {
        /// The user the token belongs to (e-mail address or id)
        #[arg(long, value_name = "USER")]
        user: String,
        /// The organisation it acts for (code or id) [default: the user's only one]
        #[arg(long, value_name = "ORG")]
        org: Option<String>,
        /// What the token is for, e.g. the script that uses it
        #[arg(long)]
        name: String,
    },
    /// List a user's tokens (never their secrets)
    List {
        /// The user (e-mail address or id)
        #[arg(long, value_name = "USER")]
        user: String,
    },
    /// Revoke one of a user's tokens, at once
    Revoke {
        /// The user (e-mail address or id)
        #[arg(long, value_name = "USER")]
        user: String,
        /// The token's id (see `handover token list`)
        #[arg(value_name = "TOKEN_ID")]
        token: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the templates you can use
    List,
    /// Show a template's milestones and activities
    Show {
        /// The template (code or id)
        #[arg(value_name = "CODE")]
        template: String,
    },
    /// Write a template as a TOML file (to stdout without --output)
    Export {
        /// The template (code or id)
        #[arg(value_name = "CODE")]
        template: String,
        /// File to write
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Read a template from a TOML file and store it (nothing is stored if it has a problem)
    Import {
        /// The template file
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the JSON Schema of the template file format
    Schema,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Make a new plan from a template
    New(PlanNewArgs),
    /// List the plans you can see
    List,
    /// Show a plan: parties, calendar, milestones, activities, results, indicators, risks
    Show {
        /// The plan (code or id)
        #[arg(value_name = "PLAN")]
        plan: String,
    },
}

/// Which built-in template `--kind` stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanKindArg {
    /// The RTO transition framework (template rto-transition)
    RtoTransition,
    /// An empty generic plan to build by hand (template generic)
    Generic,
}

#[derive(Debug, Args)]
pub struct PlanNewArgs {
    /// The template to copy (code or id) [default: rto-transition]
    #[arg(long, value_name = "CODE", conflicts_with = "kind")]
    pub template: Option<String>,
    /// The kind of plan, using the built-in template of that kind
    #[arg(long, value_enum)]
    pub kind: Option<PlanKindArg>,
    /// The plan's name
    #[arg(long)]
    pub name: String,
    /// The owning local authority: a municipality or union (code or id)
    #[arg(long, value_name = "ORG")]
    pub local_authority: String,
    /// A co-owning development partner (code or id); repeat for several
    #[arg(long = "partner", value_name = "ORG")]
    pub partners: Vec<String>,
    /// The start date, the first day of a month
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = MonthStart::parse)]
    pub start: MonthStart,
    /// Short unique code [default: made from the name]
    #[arg(long, value_parser = Code::parse)]
    pub code: Option<Code>,
    /// Reporting currency (ISO 4217)
    #[arg(long, default_value = "USD", value_parser = Currency::parse)]
    pub currency: Currency,
    /// Content languages, comma-separated (en, fr, ar) [default: the template's]
    #[arg(long, value_delimiter = ',', value_parser = Lang::parse)]
    pub languages: Vec<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum RatesCommand {
    /// Import rates from a CSV or XLSX file (by its extension); nothing is imported if any row
    /// is bad, and every bad row and column is named
    Import {
        /// The file: columns base, quote, type, date, rate and optionally source
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List rates, latest first
    List(RatesListArgs),
    /// Add one rate: one unit of --base is worth --rate units of --quote on --date
    Add(RatesAddArgs),
}

#[derive(Debug, Args)]
pub struct RatesListArgs {
    /// Only rates with this currency as base or quote
    #[arg(long, value_name = "CODE", value_parser = Currency::parse)]
    pub currency: Option<Currency>,
    /// Only rates of this type: official, platform, parallel_market, donor_accounting,
    /// un_operational
    #[arg(long = "type", value_name = "TYPE", value_parser = RateType::parse)]
    pub rate_type: Option<RateType>,
    /// Only rates dated on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Only rates dated on or before this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<Date>,
}

#[derive(Debug, Args)]
pub struct RatesAddArgs {
    /// The currency one unit of which is priced (ISO 4217), e.g. USD
    #[arg(long, value_name = "CODE", value_parser = Currency::parse)]
    pub base: Currency,
    /// The currency the price is in, e.g. LBP
    #[arg(long, value_name = "CODE", value_parser = Currency::parse)]
    pub quote: Currency,
    /// official, platform, parallel_market, donor_accounting or un_operational
    #[arg(long = "type", value_name = "TYPE", value_parser = RateType::parse)]
    pub rate_type: RateType,
    /// The day the rate applies from
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Date,
    /// Units of --quote for one unit of --base, with a point for decimals (e.g. 1507.5)
    #[arg(long, value_name = "NUMBER", value_parser = parse_decimal)]
    pub rate: Decimal,
    /// Where the figure comes from (a bulletin, a website, a donor's circular)
    #[arg(long)]
    pub source: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum CostsCommand {
    /// Import cost lines from a CSV or XLSX file (by its extension); nothing is imported if
    /// any row is bad, and every bad row and column is named
    Import {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
        /// The file of cost lines
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Delete the plan's cost lines first (refused while spending is recorded against them)
        #[arg(long)]
        replace: bool,
    },
    /// List a plan's cost lines, by activity
    List {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
    },
}

/// Which currency a budget is shown in: each line's own, or one converted to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShowIn {
    /// Each line in its own currency: one total per currency.
    Own,
    /// Every amount converted to this currency.
    Currency(Currency),
}

impl ShowIn {
    pub fn parse(s: &str) -> Result<Self, String> {
        if s.trim().eq_ignore_ascii_case("own") {
            Ok(ShowIn::Own)
        } else {
            Currency::parse(s)
                .map(ShowIn::Currency)
                .map_err(|e| format!("{e}, or `own` for each line's own currency"))
        }
    }
}

/// `quarter_start` or a date: which day's rate converts an amount.
pub fn parse_rate_date(s: &str) -> Result<RateDate, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("quarter_start") || t.eq_ignore_ascii_case("quarter-start") {
        Ok(RateDate::QuarterStart)
    } else {
        parse_date(t)
            .map(RateDate::On)
            .map_err(|e| format!("{e}; or `quarter_start` for the first day of each quarter"))
    }
}

/// How a budget is converted (`budget show` and `budget export`).
#[derive(Debug, Args)]
pub struct ConversionArgs {
    /// The currency totals are shown in, or `own` for each line's own currency
    /// [default: the plan's currency]
    #[arg(long, value_name = "CODE|own", value_parser = ShowIn::parse)]
    pub currency: Option<ShowIn>,
    /// The rate type that converts: official, platform, parallel_market, donor_accounting,
    /// un_operational [default: the plan's]
    #[arg(long, value_name = "TYPE", value_parser = RateType::parse)]
    pub rate_type: Option<RateType>,
    /// Which day's rate: `quarter_start` (the first day of each amount's quarter) or one day for
    /// every amount [default: quarter_start]
    #[arg(long, value_name = "quarter_start|YYYY-MM-DD", value_parser = parse_rate_date)]
    pub at: Option<RateDate>,
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Totals of a plan's budget by milestone, activity, category, party, quarter and year
    Show {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
        #[command(flatten)]
        conversion: ConversionArgs,
    },
    /// Freeze the current cost lines as a named version
    Freeze {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
        /// The version's name, unique in the plan
        #[arg(long)]
        name: String,
        /// aoc_baseline (agreed in the Agreement of Cooperation), handover_revision (from the
        /// handover discussions) or revision
        #[arg(long, value_name = "PURPOSE", value_parser = VersionPurpose::parse)]
        purpose: VersionPurpose,
    },
    /// Compare two versions (or a version and the current budget) line by line and per party
    Compare {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
        /// The earlier version (number, name or id)
        #[arg(long, value_name = "VERSION")]
        from: String,
        /// The later version (number, name or id), or `current`
        #[arg(long, value_name = "VERSION|current", default_value = "current")]
        to: String,
    },
    /// Write the budget as an XLSX workbook, a sheet per view
    Export {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
        /// The workbook to write (.xlsx)
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        conversion: ConversionArgs,
    },
    /// List a plan's frozen versions
    Versions {
        /// The plan (code or id)
        #[arg(long, value_name = "PLAN")]
        plan: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// List audit entries, newest first
    List(AuditListArgs),
}

#[derive(Debug, Args)]
pub struct AuditListArgs {
    /// The plan (code or id); without it, the whole trail (operator only)
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Only changes by this actor, e.g. operator:alice
    #[arg(long, value_name = "LABEL")]
    pub user: Option<String>,
    /// Only changes on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub since: Option<Date>,
    /// Only changes on or before this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<Date>,
    /// At most this many entries
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(i64).range(1..=100_000))]
    pub limit: i64,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080, or `listen` in the configuration]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Load the demo data when the database holds no plans, and serve it read-only
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print a commented example configuration file
    Example,
    /// Print the configuration in effect (passwords hidden)
    Show,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bad_start_is_a_usage_error_naming_the_option() {
        let e = Cli::try_parse_from([
            "handover",
            "plan",
            "new",
            "--name",
            "x",
            "--local-authority",
            "a",
            "--start",
            "2027-01-15",
        ])
        .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("--start"), "{e}");
    }
}
