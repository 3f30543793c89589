//! Spreadsheet uploads: the raw body of a request, `text/csv` or an XLSX workbook, bounded by
//! the spreadsheet limits (`formats::sheet::Limits`: over them, 413 before anything is read);
//! another media type is 415. Problems in the file are 422 with one entry per row and column.

use crate::error::{AppError, ErrorEntry};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use handover_formats::sheet::{CellError, FileKind, Limits};

/// The media type of an XLSX workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An uploaded spreadsheet.
#[derive(Debug)]
pub struct Upload {
    pub kind: FileKind,
    pub bytes: Bytes,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = AppError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, AppError> {
        let media = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let kind = match media.as_str() {
            "text/csv" => FileKind::Csv,
            XLSX => FileKind::Xlsx,
            _ => {
                return Err(AppError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    format!(
                        "send the spreadsheet as the raw body with `Content-Type: text/csv` (UTF-8) or `Content-Type: {XLSX}`"
                    ),
                ));
            }
        };
        let limit = Limits::default().max_file_bytes;
        let bytes = axum::body::to_bytes(
            req.into_body(),
            usize::try_from(limit).unwrap_or(usize::MAX),
        )
        .await
        .map_err(|_| {
            AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!(
                    "the file is larger than {limit} bytes: split it or remove what is not needed"
                ),
            )
        })?;
        Ok(Upload { kind, bytes })
    }
}

/// One entry per problem of a file, at its row and column.
pub fn cell_entry(e: CellError) -> ErrorEntry {
    ErrorEntry {
        field: None,
        row: e.row,
        column: e.column,
        message: e.message,
    }
}

/// 422 `invalid` for a file with problems: nothing was imported.
pub fn file_invalid(errors: Vec<CellError>) -> AppError {
    AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        "the file has problems and nothing was imported; each is listed in `errors` with its row and column",
    )
    .with_errors(errors.into_iter().map(cell_entry).collect())
}
