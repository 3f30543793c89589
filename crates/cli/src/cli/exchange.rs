//! The grammar of whole-plan exchange: `handover import FORMAT …` and `handover export FORMAT
//! …` (SPEC §14), one subcommand per format.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// IATI 2.03 activity files: each activity becomes a plan owned by the --as organisation;
    /// each file is imported whole or not at all
    Iati(ImportIatiArgs),
}

#[derive(Debug, Args)]
pub struct ImportIatiArgs {
    /// The IATI activity files (iati-activities XML)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Read and check everything and say what would change, writing nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also check each file against the official IATI 2.03 schema with xmllint (schema from
    /// $HANDOVER_IATI_DIR, by default ../shared/iati) and list its errors
    #[arg(long)]
    pub validate: bool,
    /// Replace plans changed in Handover since their last import with the file's version
    #[arg(long, conflicts_with = "skip_conflicts")]
    pub overwrite: bool,
    /// Leave plans changed in Handover since their last import as they are, import the rest
    #[arg(long)]
    pub skip_conflicts: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// An IATI 2.03 activity file (iati-activities XML) of one plan or of every plan you can see
    Iati(ExportIatiArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["plan", "all"])))]
pub struct ExportIatiArgs {
    /// The plan to export (code or id)
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Export every plan you can see
    #[arg(long)]
    pub all: bool,
    /// The file to write [default: standard output]
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
