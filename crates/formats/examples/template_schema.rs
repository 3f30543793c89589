//! Prints the template format's JSON Schema (the same as `handover template schema`).
fn main() {
    print!("{}", handover_formats::template::json_schema());
}
