//! The command line's grammar (SPEC §14): `handover NOUN VERB`, with the global options
//! `--database`, `--as`, `--format` and `--config` accepted on every command. Values people
//! type are parsed here into domain types, so a bad value is a usage error naming its option.

use clap::{Args, Parser, Subcommand, ValueEnum};
use handover_core::actor::Role;
use handover_core::calendar::{MonthStart, parse_date};
use handover_core::ids::Code;
use handover_core::money::Currency;
use handover_core::text::Lang;
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
