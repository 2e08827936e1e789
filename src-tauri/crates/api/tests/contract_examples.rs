//! The contract's own rules, and the client's side of it: every example in the OpenAPI file
//! decodes into the client's types.

use serde_json::Value;
use synkvakt_api::model::{
    ApiError, CacheCleared, Cycle, CycleHistory, ExportJob, ExportQueue, ImportLog, MappingList,
    PreviewOutdated, PreviewPage, TemplateList, TenantInfo, UserSearch,
};

fn contract() -> Value {
    let text = include_str!("../tenant-api.yaml");
    serde_norway::from_str(text).expect("the contract is valid YAML")
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.trim_start_matches('#');
            root.pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {reference}"))
        }
        None => node,
    }
}

/// Every response of every operation, with a name for messages.
fn responses(root: &Value) -> Vec<(String, &Value)> {
    let mut found = Vec::new();
    for (path, item) in root["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                found.push((format!("{method} {path} {status}"), resolve(root, response)));
            }
        }
    }
    found
}

fn examples(media: &Value) -> Vec<&Value> {
    let mut found: Vec<&Value> = media.get("example").into_iter().collect();
    if let Some(named) = media.get("examples").and_then(Value::as_object) {
        found.extend(named.values().map(|example| &example["value"]));
    }
    found
}

#[test]
fn every_object_schema_is_closed_and_lists_what_it_requires() {
    let root = contract();
    let mut objects = 0;
    for (name, schema) in root["components"]["schemas"].as_object().unwrap() {
        if schema["type"] == "object" {
            objects += 1;
            assert_eq!(
                schema["additionalProperties"],
                Value::Bool(false),
                "{name} must set additionalProperties: false"
            );
            let required = schema["required"]
                .as_array()
                .unwrap_or_else(|| panic!("{name} lacks required"));
            let properties = schema["properties"].as_object().unwrap();
            for property in properties.keys() {
                assert!(
                    required.iter().any(|r| r == property),
                    "{name}.{property} is not required"
                );
            }
        }
    }
    assert!(objects >= 6, "only {objects} object schemas found");
}

#[test]
fn every_response_has_an_example_and_every_example_decodes() {
    let root = contract();
    let mut decoded = 0;
    for (name, response) in responses(&root) {
        // "Not modified" is the one answer without a body.
        if name.ends_with(" 304") {
            assert!(response.get("content").is_none(), "{name} has a body");
            continue;
        }
        let media = &response["content"]["application/json"];
        let schema = resolve(&root, &media["schema"]);
        let found = examples(media);
        assert!(!found.is_empty(), "{name} has no example");
        let schema_name = media["schema"]["$ref"]
            .as_str()
            .unwrap_or_default()
            .rsplit('/')
            .next()
            .unwrap();
        for example in found {
            let result = match schema_name {
                "TenantInfo" => serde_json::from_value::<TenantInfo>(example.clone()).map(drop),
                "Cycle" => serde_json::from_value::<Cycle>(example.clone()).map(drop),
                "CycleHistory" => serde_json::from_value::<CycleHistory>(example.clone()).map(drop),
                "Error" => serde_json::from_value::<ApiError>(example.clone()).map(drop),
                "ImportLog" => serde_json::from_value::<ImportLog>(example.clone()).map(drop),
                "CacheCleared" => serde_json::from_value::<CacheCleared>(example.clone()).map(drop),
                "TemplateList" => serde_json::from_value::<TemplateList>(example.clone()).map(drop),
                "MappingList" => serde_json::from_value::<MappingList>(example.clone()).map(drop),
                "UserSearch" => serde_json::from_value::<UserSearch>(example.clone()).map(drop),
                "PreviewPage" => serde_json::from_value::<PreviewPage>(example.clone()).map(drop),
                "PreviewOutdated" => {
                    serde_json::from_value::<PreviewOutdated>(example.clone()).map(drop)
                }
                "ExportJob" => serde_json::from_value::<ExportJob>(example.clone()).map(drop),
                "ExportQueue" => serde_json::from_value::<ExportQueue>(example.clone()).map(drop),
                other => panic!("{name}: no client type for schema {other} ({schema})"),
            };
            result.unwrap_or_else(|err| panic!("{name}: the example does not decode: {err}"));
            decoded += 1;
        }
    }
    assert!(decoded >= 14, "only {decoded} examples decoded");
}
