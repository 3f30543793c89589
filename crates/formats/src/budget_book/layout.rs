//! Writing one sheet: a bold frozen header, set column widths, numbers stored as numbers with
//! the currency's minor units as their format, right to left in Arabic.

use super::BookError;
use handover_core::calendar::format_date;
use handover_core::finance::Sum;
use handover_core::money::{Currency, Money};
use handover_core::text::Lang;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Worksheet};
use time::Date;

/// A cell to write.
#[derive(Clone, Debug)]
pub(crate) enum Cell {
    Text(String),
    Int(i64),
    Date(Date),
}

/// A number format showing `decimals` places with thousands separators: `#,##0.00`.
fn decimals_format(decimals: u32) -> String {
    if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(decimals.min(20) as usize))
    }
}

/// A decimal as the nearest f64, through its exact text so no digit is invented.
pub(crate) fn f64_of(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// A sheet being written, row by row.
pub(crate) struct Sheet {
    ws: Worksheet,
    /// The row the next write goes to (0-based).
    pub row: u32,
    frozen: bool,
}

impl Sheet {
    /// A sheet named `name`, right to left in Arabic.
    pub(crate) fn new(name: &str, lang: Lang) -> Result<Self, BookError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        if lang == Lang::Ar {
            ws.set_right_to_left(true);
        }
        Ok(Self {
            ws,
            row: 0,
            frozen: false,
        })
    }

    /// Writes a bold header row (frozen when it is the sheet's first) and the column widths.
    pub(crate) fn header(&mut self, cols: &[(String, f64)]) -> Result<(), BookError> {
        let bold = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0xE7EEF7))
            .set_border_bottom(FormatBorder::Thin);
        for (i, (text, width)) in cols.iter().enumerate() {
            let col = col(i)?;
            self.ws
                .write_string_with_format(self.row, col, text, &bold)?;
            if !self.frozen {
                self.ws.set_column_width(col, *width)?;
            }
        }
        if !self.frozen {
            self.ws.set_freeze_panes(self.row + 1, 0)?;
            self.frozen = true;
        }
        self.row += 1;
        Ok(())
    }

    /// Moves to the next row.
    pub(crate) fn next(&mut self) {
        self.row += 1;
    }

    /// Writes a text, a whole number or a date.
    pub(crate) fn cell(&mut self, i: usize, c: &Cell, bold: bool) -> Result<(), BookError> {
        let mut f = Format::new();
        if bold {
            f = f.set_bold();
        }
        let col = col(i)?;
        match c {
            Cell::Text(s) => {
                // A cell holds at most 32,767 characters.
                let s: String = s.chars().take(32_767).collect();
                self.ws.write_string_with_format(self.row, col, s, &f)?;
            }
            Cell::Int(n) => {
                _ = self
                    .ws
                    .write_number_with_format(self.row, col, *n as f64, &f)?
            }
            Cell::Date(d) => {
                let year = u16::try_from(d.year())
                    .map_err(|_| BookError::Xlsx(format!("{} is out of range", format_date(*d))))?;
                let x = ExcelDateTime::from_ymd(year, u8::from(d.month()), d.day())?;
                let f = f.set_num_format("yyyy-mm-dd");
                self.ws.write_datetime_with_format(self.row, col, &x, &f)?;
            }
        }
        Ok(())
    }

    /// Writes a text.
    pub(crate) fn text(&mut self, i: usize, s: &str, bold: bool) -> Result<(), BookError> {
        self.cell(i, &Cell::Text(s.to_owned()), bold)
    }

    /// Writes an amount already rounded, with its currency's minor units.
    pub(crate) fn money(&mut self, i: usize, m: &Money, bold: bool) -> Result<(), BookError> {
        self.decimal(i, m.amount, m.currency.minor_units(), bold, false)
    }

    /// Writes one currency of an exact sum, rounded once (the core's rule).
    pub(crate) fn sum(
        &mut self,
        i: usize,
        s: &Sum,
        c: &Currency,
        bold: bool,
    ) -> Result<(), BookError> {
        let m = Money {
            amount: s.get(c),
            currency: c.clone(),
        }
        .rounded();
        self.money(i, &m, bold)
    }

    /// Writes a number shown with `places` decimals (at least), optionally in red.
    pub(crate) fn decimal(
        &mut self,
        i: usize,
        d: Decimal,
        places: u32,
        bold: bool,
        red: bool,
    ) -> Result<(), BookError> {
        let mut f = Format::new().set_num_format(decimals_format(places));
        if bold {
            f = f.set_bold();
        }
        if red {
            f = f.set_font_color(Color::RGB(0xC00000));
        }
        self.ws
            .write_number_with_format(self.row, col(i)?, f64_of(d), &f)?;
        Ok(())
    }

    /// Writes a number as typed (quantities, rates): no rounding in the display.
    pub(crate) fn plain(&mut self, i: usize, d: Decimal, bold: bool) -> Result<(), BookError> {
        let mut f = Format::new();
        if bold {
            f = f.set_bold();
        }
        self.ws
            .write_number_with_format(self.row, col(i)?, f64_of(d.normalize()), &f)?;
        Ok(())
    }

    /// Writes a warning word in bold red.
    pub(crate) fn flag(&mut self, i: usize, s: &str) -> Result<(), BookError> {
        let f = Format::new()
            .set_bold()
            .set_font_color(Color::RGB(0xC00000));
        self.ws.write_string_with_format(self.row, col(i)?, s, &f)?;
        Ok(())
    }

    /// Writes a share (0.1234) as a percentage (12.34%).
    pub(crate) fn percent(&mut self, i: usize, d: Decimal, bold: bool) -> Result<(), BookError> {
        let mut f = Format::new().set_num_format("0.00%");
        if bold {
            f = f.set_bold();
        }
        self.ws
            .write_number_with_format(self.row, col(i)?, f64_of(d), &f)?;
        Ok(())
    }

    /// The finished worksheet.
    pub(crate) fn finish(self) -> Worksheet {
        self.ws
    }
}

/// A column index as the writer's type, refused past the sheet's last column.
fn col(i: usize) -> Result<u16, BookError> {
    u16::try_from(i).map_err(|_| BookError::Xlsx(format!("column {i} is past the sheet's end")))
}

/// Writes one amount column per currency of `currencies` for `sum`.
pub(crate) fn sums(
    sheet: &mut Sheet,
    first: usize,
    sum: &Sum,
    currencies: &[Currency],
    bold: bool,
) -> Result<(), BookError> {
    for (k, c) in currencies.iter().enumerate() {
        sheet.sum(first + k, sum, c, bold)?;
    }
    Ok(())
}

/// A unit price keeps its own decimals when it has more than the currency's minor units.
pub(crate) fn price_places(price: Decimal, c: &Currency) -> u32 {
    price.normalize().scale().max(c.minor_units())
}
