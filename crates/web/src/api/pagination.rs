//! Pages of a list: `?page=` (from 1) and `?per_page=` (1–200, 50 by default) in, and
//! `{"items", "total", "page", "per_page"}` out. Unknown or malformed parameters are refused
//! with 400 and one error entry per parameter, never ignored.

use crate::error::{AppError, ErrorEntry};
use axum::extract::{FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::Serialize;

/// Items on a page when the client does not say.
pub const DEFAULT_PER_PAGE: u32 = 50;
/// The most items a page holds.
pub const MAX_PER_PAGE: u32 = 200;

/// Which page of a list a client asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pagination {
    /// Counting from 1.
    pub page: u32,
    /// 1 to [`MAX_PER_PAGE`].
    pub per_page: u32,
}

impl Default for Pagination {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

/// One page of a list, with the number of items in the whole list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    /// The items on this page, in the list's order.
    pub items: Vec<T>,
    /// How many items the whole list holds.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size asked for.
    pub per_page: u32,
}

impl Pagination {
    /// Parses a query string; every problem is listed.
    pub fn parse(pairs: &[(String, String)]) -> Result<Self, AppError> {
        let mut out = Self::default();
        let mut errors = vec![];
        for (name, value) in pairs {
            let (slot, max) = match name.as_str() {
                "page" => (&mut out.page, u32::MAX),
                "per_page" => (&mut out.per_page, MAX_PER_PAGE),
                _ => {
                    errors.push(ErrorEntry::field(
                        name.clone(),
                        format!("unknown parameter `{name}`: this list takes page and per_page"),
                    ));
                    continue;
                }
            };
            match value.trim().parse::<u32>() {
                Ok(n) if (1..=max).contains(&n) => *slot = n,
                _ => errors.push(ErrorEntry::field(
                    name.clone(),
                    format!("`{value}` is not a whole number from 1 to {max}"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            let message = "the query has problems; each is listed in `errors` with its parameter";
            Err(
                AppError::new(StatusCode::BAD_REQUEST, "invalid_query", message)
                    .with_errors(errors),
            )
        }
    }

    /// The page of `items` asked for (empty past the end).
    pub fn page<T>(&self, items: Vec<T>) -> Page<T> {
        let total = items.len() as u64;
        let skip = (self.page as usize - 1).saturating_mul(self.per_page as usize);
        Page {
            items: items
                .into_iter()
                .skip(skip)
                .take(self.per_page as usize)
                .collect(),
            total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

impl<T> Page<T> {
    /// The same page with every item mapped, failing on the first error.
    pub fn try_map<U, E>(self, f: impl FnMut(T) -> Result<U, E>) -> Result<Page<U>, E> {
        Ok(Page {
            items: self.items.into_iter().map(f).collect::<Result<_, _>>()?,
            total: self.total,
            page: self.page,
            per_page: self.per_page,
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Pagination {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|e| AppError::new(StatusCode::BAD_REQUEST, "invalid_query", e.body_text()))?;
        Self::parse(&pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &[(&str, &str)]) -> Result<Pagination, AppError> {
        let pairs: Vec<_> = s
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Pagination::parse(&pairs)
    }

    #[test]
    fn pages_are_counted_from_one() {
        assert_eq!(q(&[]).unwrap(), Pagination::default());
        let p = q(&[("page", "2"), ("per_page", "3")]).unwrap();
        let page = p.page((1..=7).collect());
        assert_eq!((page.items, page.total), (vec![4, 5, 6], 7));
        assert!(q(&[("page", "9")]).unwrap().page(vec![1]).items.is_empty());
    }

    #[test]
    fn bad_parameters_are_all_listed() {
        let e = q(&[("page", "0"), ("per_page", "500"), ("sort", "name")]).unwrap_err();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        let fields: Vec<_> = e
            .errors()
            .iter()
            .filter_map(|x| x.field.as_deref())
            .collect();
        assert_eq!(fields, ["page", "per_page", "sort"]);
    }
}
