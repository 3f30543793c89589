//! Target against actual over the periods of an indicator (being written).
