//! A plan's code from an IATI identifier: the identifier lower-cased, every run of other
//! characters than letters and digits made one dash, at most 40 characters. A longer one keeps
//! its first 31 characters and ends with `-` and 8 hex digits of a hash of the whole identifier
//! (FNV-1a, 32 bits), so two long identifiers that share a beginning get different codes and
//! the same identifier always gets the same code. When a code is already taken by another plan,
//! [`unique_code`] adds `-2`, `-3`… (cutting the code so it stays within 40 characters).

use handover_core::ids::Code;

/// The longest code.
const MAX: usize = 40;

/// The code of a plan imported from the activity `identifier`.
pub fn plan_code(identifier: &str) -> Code {
    let mut slug = String::with_capacity(identifier.len().min(64));
    for c in identifier.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.len() < 2 {
        slug = format!("iati-{slug}-{:08x}", fnv1a(identifier));
    }
    if slug.len() > MAX {
        slug.truncate(31);
        let cut = slug.trim_end_matches('-').len();
        slug.truncate(cut);
        slug = format!("{slug}-{:08x}", fnv1a(identifier));
    }
    // Only ASCII letters, digits and single dashes, 2–40 long, starting with one of them.
    Code::parse(slug.trim_end_matches('-')).unwrap_or_else(|_| Code::slugify(identifier))
}

/// `base`, or `base-2`, `base-3`… the first that `taken` says is free.
pub fn unique_code(base: &Code, taken: impl Fn(&str) -> bool) -> Code {
    if !taken(base.as_str()) {
        return base.clone();
    }
    for n in 2u32.. {
        let suffix = format!("-{n}");
        let keep = base.as_str().len().min(MAX - suffix.len());
        let stem = base.as_str()[..keep].trim_end_matches('-');
        let candidate = format!("{stem}{suffix}");
        if !taken(&candidate)
            && let Ok(c) = Code::parse(&candidate)
        {
            return c;
        }
    }
    base.clone()
}

/// FNV-1a, 32 bits.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_from_identifiers() {
        assert_eq!(
            plan_code("NL-KVK-41198890-AP 2020/01").as_str(),
            "nl-kvk-41198890-ap-2020-01"
        );
        let long = plan_code("XM-DAC-41301-UNJP/LBN/041/UNJ-UN-Habitat-Tyre-Municipal-Support");
        assert_eq!(long.as_str().len(), 40);
        assert!(long.as_str().starts_with("xm-dac-41301-unjp-lbn-041-unj-"));
        let other = plan_code("XM-DAC-41301-UNJP/LBN/041/UNJ-UN-Habitat-Tyre-Municipal-Support-2");
        assert_ne!(long, other);
        assert!(plan_code("1").as_str().starts_with("iati-1-"));
        let taken = |c: &str| c == "a-b" || c == "a-b-2";
        assert_eq!(unique_code(&plan_code("A/B"), taken).as_str(), "a-b-3");
        let full = plan_code("XM-DAC-41301-UNJP/LBN/041/UNJ-UN-Habitat-Tyre");
        let next = unique_code(&full, |c| c == full.as_str());
        assert!(next.as_str().len() <= 40 && next.as_str().ends_with("-2"));
    }
}
