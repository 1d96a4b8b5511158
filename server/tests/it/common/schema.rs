//! Checks JSON values against the schemas of an OpenAPI 3.1 document: the subset the generated
//! document uses (`$ref`, `type` as one name or a list, `enum`, `properties`, `required`,
//! `additionalProperties`, `items`, `allOf`, `oneOf`, `minimum`, `maximum`). Keys a schema does not
//! document are violations too, so a new response field without its schema fails.
use serde_json::{Map, Value};

/// Every way `value` differs from `schema`, each with its JSON path.
pub fn violations(doc: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(doc, schema, value, "$", &mut out);
    out
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/components/schemas/").expect("only local schema references");
            let target = &doc["components"]["schemas"][name];
            assert!(!target.is_null(), "dangling reference {r}");
            resolve(doc, target)
        }
        None => schema,
    }
}

/// Property names a schema documents, through `allOf` parts.
fn documented<'a>(doc: &'a Value, schema: &'a Value, names: &mut Vec<&'a str>) {
    let schema = resolve(doc, schema);
    names.extend(
        schema.get("properties").and_then(Value::as_object).into_iter().flat_map(Map::keys).map(String::as_str),
    );
    for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        documented(doc, part, names);
    }
}

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn check(doc: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    check_shape(doc, schema, value, at, out);
    if let (Value::Object(map), true) = (value, schema.get("properties").is_some() || schema.get("allOf").is_some()) {
        let mut names = Vec::new();
        documented(doc, schema, &mut names);
        let open = schema.get("additionalProperties").is_some_and(|a| a != &Value::Bool(false));
        for key in map.keys().filter(|k| !open && !names.contains(&k.as_str())) {
            out.push(format!("{at}.{key}: not documented"));
        }
    }
}

/// Everything but undocumented keys (checked once per object by `check`, across `allOf` parts,
/// which may nest).
fn check_shape(doc: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    let schema = resolve(doc, schema);
    for part in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        check_shape(doc, part, value, at, out);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let fits = options.iter().filter(|o| violations(doc, o, value).is_empty()).count();
        if fits != 1 {
            out.push(format!("{at}: fits {fits} of the oneOf schemas, not exactly one"));
        }
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            one => one.as_str().into_iter().collect(),
        };
        let actual = type_of(value);
        if !types.iter().any(|t| *t == actual || (*t == "number" && actual == "integer")) {
            out.push(format!("{at}: {actual}, documented as {types:?}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        out.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let Some(n) = value.as_f64() {
        if schema.get("minimum").and_then(Value::as_f64).is_some_and(|min| n < min) {
            out.push(format!("{at}: {n} below the documented minimum"));
        }
        if schema.get("maximum").and_then(Value::as_f64).is_some_and(|max| n > max) {
            out.push(format!("{at}: {n} above the documented maximum"));
        }
    }
    if let Value::Object(map) = value {
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !map.contains_key(name) {
                out.push(format!("{at}.{name}: required, missing"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, v) in map {
            let path = format!("{at}.{key}");
            match (properties.and_then(|p| p.get(key)), schema.get("additionalProperties")) {
                (Some(property), _) => check(doc, property, v, &path, out),
                (None, Some(extra)) if extra.is_object() => check(doc, extra, v, &path, out),
                _ => {}
            }
        }
    }
    if let (Value::Array(items), Some(item)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            check(doc, item, v, &format!("{at}[{i}]"), out);
        }
    }
}
