//! The demo tenant's side of the contract: every response it gives, in every scenario and for
//! both products, is valid against the schema the contract gives for that status.

use serde_json::{json, Value};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_demo_tenant::{start, DemoConfig};

fn contract() -> Value {
    serde_norway::from_str(include_str!("../../api/tenant-api.yaml"))
        .expect("the contract is valid YAML")
}

/// The schema the contract gives for `GET path` answering `status`.
fn validator(contract: &Value, path: &str, status: u16) -> jsonschema::Validator {
    validator_for(contract, "get", path, status)
}

fn validator_for(contract: &Value, method: &str, path: &str, status: u16) -> jsonschema::Validator {
    let mut response = &contract["paths"][path][method]["responses"][status.to_string()];
    if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
        response = contract.pointer(reference.trim_start_matches('#')).unwrap();
    }
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "the contract has no schema for GET {path} {status}"
    );
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": schema["$ref"],
        "components": contract["components"],
    });
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .expect("the contract's schema compiles")
}

async fn get(url: &str, key: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(url)
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn assert_valid(contract: &Value, path: &str, status: u16, body: &Value, context: &str) {
    assert_valid_for(contract, "get", path, status, body, context);
}

fn assert_valid_for(
    contract: &Value,
    method: &str,
    path: &str,
    status: u16,
    body: &Value,
    context: &str,
) {
    let validator = validator_for(contract, method, path, status);
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{context}: {method} {path} {status} breaks the contract: {errors:#?}\n{body}"
    );
}

async fn post_json(
    url: &str,
    key: &str,
    body: &Value,
    idempotency_key: Option<&str>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(url).bearer_auth(key).json(body);
    if let Some(idempotency_key) = idempotency_key {
        request = request.header("Idempotency-Key", idempotency_key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn every_response_in_every_scenario_matches_the_contract() {
    let contract = contract();
    for product in [Product::EAdm, Product::EFeide] {
        for scenario in Scenario::ALL {
            let mut config = DemoConfig::new(product, scenario);
            config.test_clock = true;
            let demo = start(config).await.unwrap();
            let base = demo.base_url();
            let context = format!("{product} {}", scenario.as_str());
            // A job on the export queue, to be seen queued, running and completed.
            let all = json!({"kind": "all", "userIds": []});
            let token = preview_token(&base, &demo.api_key, "ad", Value::Null, &all).await;
            let (status, job) = post_json(
                &format!("{base}/api/v1/templates/ad/reexport"),
                &demo.api_key,
                &json!({"mappingId": null, "scope": all, "previewToken": token}),
                Some("scenario-job"),
            )
            .await;
            assert_eq!(status, 202, "{context} reexport");
            assert_valid_for(
                &contract,
                "post",
                "/api/v1/templates/{id}/reexport",
                status,
                &job,
                &context,
            );
            // Several moments of the cycle: as started, and after simulated time passed.
            for advance in [0, 600, 1800, 7200] {
                reqwest::Client::new()
                    .post(format!("{base}/_demo/clock/advance?seconds={advance}"))
                    .bearer_auth(&demo.api_key)
                    .send()
                    .await
                    .unwrap();
                for path in [
                    "/api/v1/tenant",
                    "/api/v1/cycles/current",
                    "/api/v1/cycles",
                    "/api/v1/imports/latest/log",
                    "/api/v1/templates",
                    "/api/v1/users",
                    "/api/v1/export-queue",
                ] {
                    let (status, body) = get(&format!("{base}{path}"), &demo.api_key).await;
                    assert_eq!(status, 200, "{context} {path}");
                    assert_valid(&contract, path, status, &body, &context);
                }
                for kind in ["full", "delta"] {
                    let (status, body) = get(
                        &format!("{base}/api/v1/cycles?kind={kind}&limit=100"),
                        &demo.api_key,
                    )
                    .await;
                    assert_eq!(status, 200, "{context} {kind} cycles");
                    assert_valid(&contract, "/api/v1/cycles", status, &body, &context);
                    let cycles = body["cycles"].as_array().unwrap();
                    assert!(!cycles.is_empty(), "{context} {kind} cycles");
                    assert!(
                        cycles.iter().all(|cycle| cycle["kind"] == kind),
                        "{context}: only {kind} cycles"
                    );
                }
                let (status, body) = get(
                    &format!(
                        "{base}/api/v1/imports/latest/log?kind=delete&search=a&offset=3&limit=7"
                    ),
                    &demo.api_key,
                )
                .await;
                assert_eq!(status, 200, "{context} filtered log");
                assert_valid(
                    &contract,
                    "/api/v1/imports/latest/log",
                    status,
                    &body,
                    &context,
                );
                let (_, templates) = get(&format!("{base}/api/v1/templates"), &demo.api_key).await;
                for template in templates["templates"].as_array().unwrap() {
                    let id = template["id"].as_str().unwrap();
                    let (status, body) = get(
                        &format!("{base}/api/v1/templates/{id}/mappings"),
                        &demo.api_key,
                    )
                    .await;
                    assert_eq!(status, 200, "{context} {id} mappings");
                    assert_valid(
                        &contract,
                        "/api/v1/templates/{id}/mappings",
                        status,
                        &body,
                        &context,
                    );
                    let (status, body) = post_json(
                        &format!("{base}/api/v1/templates/{id}/preview"),
                        &demo.api_key,
                        &json!({"mappingId": null, "scope": {"kind": "all", "userIds": []},
                                "offset": 0, "limit": 200}),
                        None,
                    )
                    .await;
                    assert_eq!(status, 200, "{context} {id} preview");
                    assert_valid_for(
                        &contract,
                        "post",
                        "/api/v1/templates/{id}/preview",
                        status,
                        &body,
                        &context,
                    );
                }
            }
            demo.stop();
        }
    }
}

#[tokio::test]
async fn error_responses_match_the_contract_too() {
    let contract = contract();
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let base = demo.base_url();
    let (status, body) = get(&format!("{base}/api/v1/cycles/current"), "wrong-key").await;
    assert_eq!(status, 401);
    assert_valid(&contract, "/api/v1/cycles/current", 401, &body, "wrong key");
    let (status, body) = get(&format!("{base}/api/v1/cycles?limit=500"), &demo.api_key).await;
    assert_eq!(status, 400);
    assert_valid(
        &contract,
        "/api/v1/cycles",
        400,
        &body,
        "limit out of range",
    );
    for query in [
        "kind=weekly",
        "kind=FULL&limit=10",
        "kind=",
        "kind=full&limit=0",
    ] {
        let (status, body) = get(&format!("{base}/api/v1/cycles?{query}"), &demo.api_key).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_valid(&contract, "/api/v1/cycles", 400, &body, query);
        let wanted = if query.contains("limit=0") {
            "invalid-limit"
        } else {
            "invalid-kind"
        };
        assert_eq!(body["code"], wanted, "{query}");
    }
    let (status, body) = get(
        &format!("{base}/api/v1/imports/latest/log?kind=rename"),
        &demo.api_key,
    )
    .await;
    assert_eq!(status, 400);
    assert_valid(
        &contract,
        "/api/v1/imports/latest/log",
        400,
        &body,
        "unknown kind",
    );
}

/// A POST as a client sends it: each with an idempotency key of its own.
async fn post(url: &str, key: &str) -> (u16, Value) {
    post_keyed(url, key, Some(&synkvakt_demo_tenant::random_key())).await
}

async fn post_keyed(url: &str, key: &str, idempotency_key: Option<&str>) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(url).bearer_auth(key);
    if let Some(idempotency_key) = idempotency_key {
        request = request.header("Idempotency-Key", idempotency_key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn every_request_that_changes_something_needs_its_key_and_a_key_serves_one_request() {
    let contract = contract();
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.can_start_cycle = true;
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let base = demo.base_url();
    for path in ["/api/v1/cycles", "/api/v1/cache/clear"] {
        let (status, body) = post_keyed(&format!("{base}{path}"), &demo.api_key, None).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["code"], "missing-idempotency-key");
        assert!(
            validator_for(&contract, "post", path, 400).is_valid(&body),
            "{body}"
        );
    }
    let start_url = format!("{base}/api/v1/cycles");
    let (status, first) = post_keyed(&start_url, &demo.api_key, Some("one-key-0001")).await;
    assert_eq!(status, 202, "{first}");
    let (status, again) = post_keyed(&start_url, &demo.api_key, Some("one-key-0001")).await;
    assert_eq!(
        (status, &again["id"]),
        (202, &first["id"]),
        "the first answer, again"
    );
    let clear_url = format!("{base}/api/v1/cache/clear");
    let (status, body) = post_keyed(&clear_url, &demo.api_key, Some("one-key-0001")).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "idempotency-key-reused");
    assert!(
        validator_for(&contract, "post", "/api/v1/cache/clear", 422).is_valid(&body),
        "{body}"
    );
}

#[tokio::test]
async fn resume_answers_match_the_contract() {
    let contract = contract();
    let path = "/api/v1/cycles/{id}/resume";
    let healthy = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let (_, cycle) = get(
        &format!("{}/api/v1/cycles/current", healthy.base_url()),
        &healthy.api_key,
    )
    .await;
    let id = cycle["id"].as_str().unwrap();
    let (status, body) = post(
        &format!("{}/api/v1/cycles/{id}/resume", healthy.base_url()),
        &healthy.api_key,
    )
    .await;
    assert_eq!(status, 409, "a completed cycle cannot be resumed");
    assert!(validator_for(&contract, "post", path, 409).is_valid(&body));
    let (status, body) = post(
        &format!("{}/api/v1/cycles/nope/resume", healthy.base_url()),
        &healthy.api_key,
    )
    .await;
    assert_eq!(status, 404);
    assert!(validator_for(&contract, "post", path, 404).is_valid(&body));

    let stopped = start(DemoConfig::new(Product::EFeide, Scenario::ImportFilter))
        .await
        .unwrap();
    let (_, cycle) = get(
        &format!("{}/api/v1/cycles/current", stopped.base_url()),
        &stopped.api_key,
    )
    .await;
    let id = cycle["id"].as_str().unwrap();
    let (status, body) = post(
        &format!("{}/api/v1/cycles/{id}/resume", stopped.base_url()),
        &stopped.api_key,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        validator_for(&contract, "post", path, 200).is_valid(&body),
        "{body}"
    );
    assert_eq!(body["state"], "resumed");
    let (_, again) = get(
        &format!("{}/api/v1/cycles/current", stopped.base_url()),
        &stopped.api_key,
    )
    .await;
    assert_eq!(again["state"], "resumed", "the resume holds");
}

#[tokio::test]
async fn starting_a_cycle_matches_the_contract_and_follows_the_guides_rule() {
    let contract = contract();
    let path = "/api/v1/cycles";
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
    config.can_start_cycle = true;
    config.test_clock = true;
    let demo = start(config).await.unwrap();
    let url = format!("{}{path}", demo.base_url());
    let (_, info) = get(&format!("{}/api/v1/tenant", demo.base_url()), &demo.api_key).await;
    assert_eq!(info["canStartCycle"], true);
    let (status, body) = post(&url, &demo.api_key).await;
    assert_eq!(status, 202, "{body}");
    assert!(
        validator_for(&contract, "post", path, 202).is_valid(&body),
        "{body}"
    );
    assert_eq!(body["state"], "running");
    let (status, body) = post(&url, &demo.api_key).await;
    assert_eq!(status, 409, "never over a running cycle");
    assert!(
        validator_for(&contract, "post", path, 409).is_valid(&body),
        "{body}"
    );
    assert_eq!(body["code"], "cycle-running");

    let failed = {
        let mut config = DemoConfig::new(Product::EAdm, Scenario::StepFailed);
        config.can_start_cycle = true;
        start(config).await.unwrap()
    };
    let (status, body) = post(&format!("{}{path}", failed.base_url()), &failed.api_key).await;
    assert_eq!(status, 409, "never after a failed cycle");
    assert_eq!(body["code"], "last-cycle-not-finished");

    let older = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let (status, body) = post(&format!("{}{path}", older.base_url()), &older.api_key).await;
    assert_eq!(status, 409);
    assert!(
        validator_for(&contract, "post", path, 409).is_valid(&body),
        "{body}"
    );
    assert_eq!(body["code"], "start-not-supported");
}

#[tokio::test]
async fn clearing_the_cache_matches_the_contract() {
    let contract = contract();
    let demo = start(DemoConfig::new(Product::EAdm, Scenario::Healthy))
        .await
        .unwrap();
    let (status, body) = post(
        &format!("{}/api/v1/cache/clear", demo.base_url()),
        &demo.api_key,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        validator_for(&contract, "post", "/api/v1/cache/clear", 200).is_valid(&body),
        "{body}"
    );
    let (status, body) = post(&format!("{}/api/v1/cache/clear", demo.base_url()), "wrong").await;
    assert_eq!(status, 401);
    assert!(
        validator_for(&contract, "post", "/api/v1/cache/clear", 401).is_valid(&body),
        "{body}"
    );
}

#[tokio::test]
async fn one_page_of_full_cycles_reaches_back_more_than_a_week() {
    let contract = contract();
    for product in [Product::EAdm, Product::EFeide] {
        let mut config = DemoConfig::new(product, Scenario::Healthy);
        config.test_clock = true;
        let demo = start(config).await.unwrap();
        let base = demo.base_url();
        let (status, body) = get(
            &format!("{base}/api/v1/cycles?kind=full&limit=100"),
            &demo.api_key,
        )
        .await;
        assert_eq!(status, 200);
        assert_valid(&contract, "/api/v1/cycles", status, &body, "full cycles");
        let starts: Vec<chrono::DateTime<chrono::Utc>> = body["cycles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|cycle| cycle["startedAt"].as_str().unwrap().parse().unwrap())
            .collect();
        assert!(
            starts.len() < 100,
            "all of them on one page: {}",
            starts.len()
        );
        let span = starts[0] - *starts.last().unwrap();
        assert!(
            span >= chrono::Duration::hours(180),
            "{product}: {} h of full cycles",
            span.num_hours()
        );
        let gaps: Vec<i64> = starts
            .windows(2)
            .map(|pair| (pair[0] - pair[1]).num_hours())
            .collect();
        assert!(gaps.iter().all(|gap| [6, 12].contains(gap)), "{gaps:?}");
        assert!(gaps.contains(&12), "the night: {gaps:?}");

        // The kind is chosen before the limit: ten full cycles reach back further than the
        // newest ten of any kind.
        let (_, ten) = get(&format!("{base}/api/v1/cycles?limit=10"), &demo.api_key).await;
        let ten = ten["cycles"].as_array().unwrap();
        assert_eq!(ten.len(), 10);
        assert!(ten.iter().any(|cycle| cycle["kind"] == "delta"));
        let (_, ten_full) = get(
            &format!("{base}/api/v1/cycles?kind=full&limit=10"),
            &demo.api_key,
        )
        .await;
        let ten_full = ten_full["cycles"].as_array().unwrap();
        assert_eq!(ten_full.len(), 10);
        let started = |cycle: &Value| -> chrono::DateTime<chrono::Utc> {
            cycle["startedAt"].as_str().unwrap().parse().unwrap()
        };
        assert!(started(&ten_full[9]) < started(&ten[9]));
        assert_eq!(started(&ten_full[9]), starts[9]);
        let (_, deltas) = get(
            &format!("{base}/api/v1/cycles?kind=delta&limit=7"),
            &demo.api_key,
        )
        .await;
        let deltas = deltas["cycles"].as_array().unwrap();
        assert_eq!(deltas.len(), 7);
        assert!(deltas.iter().all(|cycle| cycle["kind"] == "delta"));

        // A cycle the client's task started is a full one, and the newest of them.
        let ran = reqwest::Client::new()
            .post(format!("{base}/_demo/client-task/sync"))
            .bearer_auth(&demo.api_key)
            .send()
            .await
            .unwrap();
        assert!(ran.status().is_success());
        let (_, newest) = get(
            &format!("{base}/api/v1/cycles?kind=full&limit=1"),
            &demo.api_key,
        )
        .await;
        let (_, current) = get(&format!("{base}/api/v1/cycles/current"), &demo.api_key).await;
        assert_eq!(newest["cycles"][0]["id"], current["id"]);
        let (_, newest_delta) = get(
            &format!("{base}/api/v1/cycles?kind=delta&limit=1"),
            &demo.api_key,
        )
        .await;
        assert_eq!(newest_delta["cycles"][0]["id"], deltas[0]["id"]);
        demo.stop();
    }
}

#[tokio::test]
async fn the_tenant_says_whether_it_clears_the_cache() {
    let contract = contract();
    for can_clear_cache in [false, true] {
        let mut config = DemoConfig::new(Product::EAdm, Scenario::Healthy);
        config.can_clear_cache = can_clear_cache;
        let demo = start(config).await.unwrap();
        let (status, info) =
            get(&format!("{}/api/v1/tenant", demo.base_url()), &demo.api_key).await;
        assert_eq!(status, 200);
        assert_valid(&contract, "/api/v1/tenant", status, &info, "tenant");
        assert_eq!(info["canClearCache"], can_clear_cache);
        assert_eq!(info["canStartCycle"], false, "one does not bring the other");
        // Clearing answers as before either way.
        let (status, body) = post(
            &format!("{}/api/v1/cache/clear", demo.base_url()),
            &demo.api_key,
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert!(
            validator_for(&contract, "post", "/api/v1/cache/clear", 200).is_valid(&body),
            "{body}"
        );
        demo.stop();
    }
    assert!(!DemoConfig::new(Product::EFeide, Scenario::Running).can_clear_cache);
}

#[tokio::test]
async fn a_manual_sync_starts_a_new_cycle_when_none_has_started_for_long() {
    let contract = contract();
    for by_api in [false, true] {
        let mut config = DemoConfig::new(Product::EAdm, Scenario::NoNewCycle);
        config.can_start_cycle = by_api;
        config.test_clock = true;
        let demo = start(config).await.unwrap();
        let base = demo.base_url();
        let (_, before) = get(&format!("{base}/api/v1/cycles/current"), &demo.api_key).await;
        assert_eq!(before["state"], "completed");
        assert_eq!(before["kind"], "full");
        let started: chrono::DateTime<chrono::Utc> =
            before["startedAt"].as_str().unwrap().parse().unwrap();
        let (_, clock) = get(&format!("{base}/_demo/clock"), &demo.api_key).await;
        let now: chrono::DateTime<chrono::Utc> = clock["now"].as_str().unwrap().parse().unwrap();
        assert!(now - started > chrono::Duration::hours(18), "{before}");

        let (status, new) = if by_api {
            post(&format!("{base}/api/v1/cycles"), &demo.api_key).await
        } else {
            let ran = reqwest::Client::new()
                .post(format!("{base}/_demo/client-task/eAdm%20synkronisering"))
                .bearer_auth(&demo.api_key)
                .send()
                .await
                .unwrap();
            (ran.status().as_u16(), ran.json().await.unwrap())
        };
        let expected = if by_api { 202 } else { 200 };
        assert_eq!(status, expected, "{new}");
        if by_api {
            assert_valid_for(&contract, "post", "/api/v1/cycles", status, &new, "start");
        }
        assert_ne!(new["id"], before["id"]);
        assert_eq!(new["state"], "running");
        let (_, current) = get(&format!("{base}/api/v1/cycles/current"), &demo.api_key).await;
        assert_eq!(current["id"], new["id"]);
        let (_, history) = get(&format!("{base}/api/v1/cycles?limit=2"), &demo.api_key).await;
        assert_eq!(history["cycles"][1]["id"], before["id"]);
        demo.stop();
    }
}

#[test]
fn a_response_that_breaks_the_contract_is_caught() {
    let contract = contract();
    let validator = validator(&contract, "/api/v1/tenant", 200);
    let extra = json!({"name": "X", "product": "eAdm", "canStartCycle": false, "apiVersion": "1", "secret": 1});
    let wrong =
        json!({"name": "X", "product": "eSkole", "canStartCycle": false, "apiVersion": "1"});
    assert!(!validator.is_valid(&extra));
    assert!(!validator.is_valid(&wrong));
}

/// The token of the preview of `mapping` for `scope`, as the first page gives it.
async fn preview_token(
    base: &str,
    key: &str,
    template: &str,
    mapping: Value,
    scope: &Value,
) -> Value {
    let (status, page) = post_json(
        &format!("{base}/api/v1/templates/{template}/preview"),
        key,
        &json!({"mappingId": mapping, "scope": scope, "offset": 0, "limit": 1}),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    page["previewToken"].clone()
}

#[tokio::test]
async fn reexport_answers_match_the_contract() {
    let contract = contract();
    let mut config = DemoConfig::new(Product::EFeide, Scenario::Healthy);
    config.users = 50;
    let demo = start(config).await.unwrap();
    let base = demo.base_url();
    let key = demo.api_key.as_str();
    let expect =
        |method: &str, path: &str, status: u16, wanted: (u16, Option<&str>), body: &Value| {
            assert_eq!(
                (status, body["code"].as_str()),
                wanted,
                "{method} {path}: {body}"
            );
            assert_valid_for(
                &contract,
                method,
                path,
                status,
                body,
                &format!("{wanted:?}"),
            );
        };

    let templates = "/api/v1/templates";
    let (status, body) = get(&format!("{base}{templates}"), key).await;
    expect("get", templates, status, (200, None), &body);
    assert_eq!(body["templates"][1]["id"], "feide");
    let (status, body) = get(&format!("{base}{templates}"), "wrong").await;
    expect("get", templates, status, (401, Some("unauthorized")), &body);

    let mappings = "/api/v1/templates/{id}/mappings";
    let (status, body) = get(&format!("{base}/api/v1/templates/feide/mappings"), key).await;
    expect("get", mappings, status, (200, None), &body);
    assert_eq!(body["mappings"][1]["valueKind"], "national-id");
    let (status, body) = get(&format!("{base}/api/v1/templates/sap/mappings"), key).await;
    expect(
        "get",
        mappings,
        status,
        (404, Some("no-such-template")),
        &body,
    );

    let users = "/api/v1/users";
    let (status, body) = get(&format!("{base}{users}?search=004&limit=5"), key).await;
    expect("get", users, status, (200, None), &body);
    assert_eq!(body["total"], 11, "10004 and 10040 to 10049");
    let (status, body) = get(&format!("{base}{users}"), "wrong").await;
    expect("get", users, status, (401, Some("unauthorized")), &body);

    let preview = "/api/v1/templates/{id}/preview";
    let preview_url = format!("{base}/api/v1/templates/feide/preview");
    let page = |mapping: Value, scope: Value, offset: u32, limit: u32| json!({"mappingId": mapping, "scope": scope, "offset": offset, "limit": limit});
    let all = json!({"kind": "all", "userIds": []});
    let (status, body) = post_json(
        &preview_url,
        key,
        &page(json!("feide-noredupersonnin"), all.clone(), 0, 10),
        None,
    )
    .await;
    expect("post", preview, status, (200, None), &body);
    assert_eq!(
        (body["total"].as_u64(), body["users"].as_u64()),
        (Some(50), Some(50))
    );
    for (request, wanted) in [
        (
            page(json!("ad-mail"), all.clone(), 0, 10),
            "no-such-mapping",
        ),
        (
            page(
                Value::Null,
                json!({"kind": "selection", "userIds": ["10001", "99999"]}),
                0,
                10,
            ),
            "no-such-user",
        ),
        (
            page(
                Value::Null,
                json!({"kind": "selection", "userIds": []}),
                0,
                10,
            ),
            "empty-selection",
        ),
        (
            page(
                Value::Null,
                json!({"kind": "all", "userIds": ["10001"]}),
                0,
                10,
            ),
            "invalid-scope",
        ),
        (page(Value::Null, all.clone(), 0, 0), "invalid-page"),
        (page(Value::Null, all.clone(), 0, 5_001), "invalid-page"),
        (page(Value::Null, all.clone(), 150, 10), "invalid-page"),
        (
            json!({"mappingId": null, "scope": all, "offset": 0}),
            "invalid-body",
        ),
        (
            json!({"mappingId": null, "scope": all, "offset": -1, "limit": 10}),
            "invalid-body",
        ),
    ] {
        let (status, body) = post_json(&preview_url, key, &request, None).await;
        expect("post", preview, status, (400, Some(wanted)), &body);
    }
    let (status, body) = post_json(
        &preview_url,
        key,
        &page(Value::Null, all.clone(), 149, 10),
        None,
    )
    .await;
    expect("post", preview, status, (200, None), &body);
    assert_eq!(
        body["rows"].as_array().unwrap().len(),
        1,
        "the last row of 150"
    );
    let (status, body) = post_json(
        &preview_url,
        key,
        &page(
            Value::Null,
            json!({"kind": "selection", "userIds": ["10001", "99999", "x"]}),
            0,
            10,
        ),
        None,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["message"], "Users 99999 and x do not exist.");
    let (status, body) = post_json(
        &format!("{base}/api/v1/templates/sap/preview"),
        key,
        &page(Value::Null, all.clone(), 0, 10),
        None,
    )
    .await;
    expect(
        "post",
        preview,
        status,
        (404, Some("no-such-template")),
        &body,
    );
    for content_type in ["application/json", "text/plain"] {
        let unreadable = reqwest::Client::new()
            .post(&preview_url)
            .bearer_auth(key)
            .header("Content-Type", content_type)
            .body("{not json")
            .send()
            .await
            .unwrap();
        let status = unreadable.status().as_u16();
        let body: Value = unreadable.json().await.unwrap();
        expect("post", preview, status, (400, Some("invalid-body")), &body);
    }

    let reexport = "/api/v1/templates/{id}/reexport";
    let reexport_url = format!("{base}/api/v1/templates/feide/reexport");
    let two = json!({"kind": "selection", "userIds": ["10002", "10001"]});
    let token = preview_token(&base, key, "feide", json!("feide-displayname"), &two).await;
    let request = json!({"mappingId": "feide-displayname", "scope": two, "previewToken": token});
    let (status, body) = post_json(&reexport_url, key, &request, Some("contract-key-1")).await;
    expect("post", reexport, status, (202, None), &body);
    // After a value changed by hand, the token of the preview before names other data.
    let cleared = reqwest::Client::new()
        .post(format!("{base}/_demo/directory/clear?users=1"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert!(cleared.status().is_success());
    let (status, body) = post_json(&reexport_url, key, &request, Some("contract-key-3")).await;
    expect(
        "post",
        reexport,
        status,
        (409, Some("preview-outdated")),
        &body,
    );
    assert_eq!(
        (body["total"].as_u64(), body["users"].as_u64()),
        (Some(2), Some(2))
    );
    assert_ne!(body["previewToken"], json!(token), "{body}");
    let (status, body) = post_json(&reexport_url, key, &request, Some("contract-key-1")).await;
    expect("post", reexport, status, (202, None), &body);
    let request = json!({"mappingId": "feide-displayname", "scope": two, "previewToken": body["previewToken"]});
    for (idempotency_key, wanted) in [
        (None, "missing-idempotency-key"),
        (Some("short"), "missing-idempotency-key"),
    ] {
        let (status, body) = post_json(&reexport_url, key, &request, idempotency_key).await;
        expect("post", reexport, status, (400, Some(wanted)), &body);
    }
    let (status, body) = post_json(
        &reexport_url,
        key,
        &json!({"mappingId": null, "scope": {"kind": "selection", "userIds": ["10051"]}, "previewToken": "pv-x"}),
        Some("contract-key-2"),
    )
    .await;
    expect("post", reexport, status, (400, Some("no-such-user")), &body);
    let (status, body) = post_json(
        &reexport_url,
        key,
        &json!({"scope": all}),
        Some("contract-key-2"),
    )
    .await;
    expect("post", reexport, status, (400, Some("invalid-body")), &body);
    let (status, body) = post_json(
        &format!("{base}/api/v1/templates/sap/reexport"),
        key,
        &request,
        Some("contract-key-2"),
    )
    .await;
    expect(
        "post",
        reexport,
        status,
        (404, Some("no-such-template")),
        &body,
    );
    let (status, body) = post_json(
        &reexport_url,
        key,
        &json!({"mappingId": null, "scope": all, "previewToken": "pv-x"}),
        Some("contract-key-1"),
    )
    .await;
    expect(
        "post",
        reexport,
        status,
        (422, Some("idempotency-key-reused")),
        &body,
    );
    let (status, body) = post_json(&reexport_url, "wrong", &request, Some("contract-key-1")).await;
    expect("post", reexport, status, (401, Some("unauthorized")), &body);

    let queue = "/api/v1/export-queue";
    let (status, body) = get(&format!("{base}{queue}"), key).await;
    expect("get", queue, status, (200, None), &body);
    assert_eq!(
        body["jobs"].as_array().unwrap().len(),
        1,
        "refused requests make no job"
    );
    let (status, body) = get(&format!("{base}{queue}"), "wrong").await;
    expect("get", queue, status, (401, Some("unauthorized")), &body);
}
