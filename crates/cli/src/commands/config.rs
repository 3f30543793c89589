//! `handover config example|show`: the commented example file embedded in the binary, and the
//! configuration in effect with passwords hidden. Neither opens the database.

use crate::cli::ConfigCommand;
use crate::config::{Config, EXAMPLE};
use crate::output;

pub fn run(command: ConfigCommand, config: &Config) -> anyhow::Result<()> {
    match command {
        ConfigCommand::Example => output::print(EXAMPLE),
        ConfigCommand::Show => output::print(&config.to_display_toml()),
    }
}
