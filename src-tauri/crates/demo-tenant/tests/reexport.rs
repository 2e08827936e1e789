//! Re-export against the demo tenant over loopback HTTP: paging through the preview, user search,
//! the idempotency of execute, and a job's progress on the test clock.

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use synkvakt_api::demo_protocol::Scenario;
use synkvakt_api::model::Product;
use synkvakt_demo_tenant::{start, DemoConfig, RunningDemo};

struct Tenant {
    demo: RunningDemo,
    http: reqwest::Client,
}

impl Tenant {
    async fn start(product: Product, users: u32) -> Tenant {
        let mut config = DemoConfig::new(product, Scenario::Healthy);
        config.test_clock = true;
        config.users = users;
        Tenant {
            demo: start(config).await.unwrap(),
            http: reqwest::Client::new(),
        }
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let response = self
            .http
            .get(format!("{}{path}", self.demo.base_url()))
            .bearer_auth(&self.demo.api_key)
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn post(&self, path: &str, body: &Value, idempotency_key: Option<&str>) -> (u16, Value) {
        let mut request = self
            .http
            .post(format!("{}{path}", self.demo.base_url()))
            .bearer_auth(&self.demo.api_key)
            .json(body);
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request.send().await.unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn preview(&self, template: &str, body: &Value) -> Value {
        let (status, page) = self
            .post(&format!("/api/v1/templates/{template}/preview"), body, None)
            .await;
        assert_eq!(status, 200, "{page}");
        page
    }

    /// `request` with the token of the preview it names, as an Execute after a preview sends it.
    async fn confirmed(&self, template: &str, mut request: Value) -> Value {
        let page = self
            .preview(
                template,
                &json!({"mappingId": request["mappingId"], "scope": request["scope"], "offset": 0, "limit": 1}),
            )
            .await;
        request["previewToken"] = page["previewToken"].clone();
        request
    }

    async fn search(&self, text: &str) -> (u16, Value) {
        let response = self
            .http
            .get(format!("{}/api/v1/users", self.demo.base_url()))
            .query(&[("search", text)])
            .bearer_auth(&self.demo.api_key)
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.json().await.unwrap())
    }

    async fn advance(&self, seconds: i64) {
        let (status, _) = self
            .post(
                &format!("/_demo/clock/advance?seconds={seconds}"),
                &json!({}),
                None,
            )
            .await;
        assert_eq!(status, 200);
    }

    async fn queue(&self) -> Vec<Value> {
        let (status, queue) = self.get("/api/v1/export-queue").await;
        assert_eq!(status, 200);
        queue["jobs"].as_array().unwrap().clone()
    }
}

/// The string `field` of every object in `list`.
fn each<'a>(list: &'a Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item[field].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn pages_of_a_selection_give_its_rows_in_id_order() {
    let tenant = Tenant::start(Product::EAdm, 500).await;
    let selection = json!({"kind": "selection", "userIds": ["10250", "10003", "10042", "10003"]});
    let mut rows = Vec::new();
    for offset in [0, 2] {
        let page = tenant
            .preview(
                "ad",
                &json!({"mappingId": "ad-mail", "scope": selection, "offset": offset, "limit": 2}),
            )
            .await;
        assert_eq!(
            (page["total"].as_u64(), page["users"].as_u64()),
            (Some(3), Some(3))
        );
        assert_eq!(page["offset"], offset);
        rows.extend(page["rows"].as_array().unwrap().clone());
    }
    let rows = Value::from(rows);
    assert_eq!(each(&rows, "userId"), ["10003", "10042", "10250"]);
    for row in rows.as_array().unwrap() {
        assert_eq!(row["attribute"], "mail");
        let email = row["newValue"].as_str().unwrap();
        assert!(
            email.ends_with("@demo.kommune.no") && email.is_ascii(),
            "{email}"
        );
    }
}

#[tokio::test]
async fn pages_of_every_attribute_join_into_the_whole_preview() {
    let tenant = Tenant::start(Product::EAdm, 1_000).await;
    let (_, mappings) = tenant.get("/api/v1/templates/ad/mappings").await;
    let attributes: Vec<&str> = mappings["mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|mapping| mapping["targetAttribute"].as_str().unwrap())
        .collect();
    assert_eq!(attributes.len(), 5);
    let mut rows = Vec::new();
    let mut offset = 0;
    loop {
        let page = tenant
            .preview(
                "ad",
                &json!({"mappingId": null, "scope": {"kind": "all", "userIds": []},
                        "offset": offset, "limit": 1_234}),
            )
            .await;
        assert_eq!(
            (page["total"].as_u64(), page["users"].as_u64()),
            (Some(5_000), Some(1_000))
        );
        let page_rows = page["rows"].as_array().unwrap();
        rows.extend(page_rows.iter().cloned());
        offset += page_rows.len();
        if offset == 5_000 {
            break;
        }
        assert_eq!(page_rows.len(), 1_234);
    }
    assert_eq!(rows.len(), 5_000);
    for (index, row) in rows.iter().enumerate() {
        assert_eq!(
            row["userId"],
            (10_001 + index / 5).to_string(),
            "row {index}"
        );
        assert_eq!(row["attribute"], attributes[index % 5], "row {index}");
    }
    let differing = rows
        .iter()
        .filter(|row| row["currentValue"] != row["newValue"])
        .count();
    assert!(differing > 0 && differing < 500, "{differing} rows differ");
    let (status, past_the_end) = tenant
        .post(
            "/api/v1/templates/ad/preview",
            &json!({"mappingId": null, "scope": {"kind": "all", "userIds": []},
                    "offset": 5_000, "limit": 10}),
            None,
        )
        .await;
    assert_eq!(
        (status, past_the_end["code"].as_str()),
        (400, Some("invalid-page"))
    );
}

#[tokio::test]
async fn user_search_finds_ids_and_names_in_any_case() {
    let tenant = Tenant::start(Product::EFeide, 3_000).await;
    let (_, first) = tenant.get("/api/v1/users").await;
    assert_eq!(first["total"], 3_000);
    assert_eq!(each(&first["users"], "id").len(), 20);
    assert_eq!(each(&first["users"], "id")[0], "10001");
    let (_, by_id) = tenant.get("/api/v1/users?search=1200&limit=100").await;
    let ids = each(&by_id["users"], "id");
    assert_eq!(ids[0], "11200");
    assert!(ids.iter().all(|id| id.contains("1200")));
    assert_eq!(by_id["total"].as_u64(), Some(ids.len() as u64));
    let (_, everyone) = tenant.get("/api/v1/users?limit=100").await;
    let name = everyone["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|user| user["name"].as_str().unwrap())
        .find(|name| name.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']))
        .expect("a name with æ, ø or å among the first 100");
    let (_, by_name) = tenant.search(&name.to_uppercase()).await;
    assert!(by_name["total"].as_u64().unwrap() >= 1);
    assert!(by_name["users"]
        .as_array()
        .unwrap()
        .iter()
        .all(|user| user["name"] == name));
}

fn mail_for(ids: &[&str]) -> Value {
    json!({"mappingId": "ad-mail", "scope": {"kind": "selection", "userIds": ids}})
}

#[tokio::test]
async fn the_same_key_twice_gives_the_same_job() {
    let tenant = Tenant::start(Product::EAdm, 500).await;
    let path = "/api/v1/templates/ad/reexport";
    let body = tenant
        .confirmed("ad", mail_for(&["10001", "10002", "10003"]))
        .await;
    let (status, first) = tenant.post(path, &body, Some("dialog-0001")).await;
    assert_eq!(status, 202, "{first}");
    assert_eq!(first["id"], "job-0001");
    assert_eq!(
        (first["users"].as_u64(), first["total"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(first["attributes"], json!(["mail"]));
    let (status, again) = tenant.post(path, &body, Some("dialog-0001")).await;
    assert_eq!((status, &again), (202, &first));
    assert_eq!(tenant.queue().await.len(), 1);

    let (status, other) = tenant
        .post(
            path,
            &tenant.confirmed("ad", mail_for(&["10001"])).await,
            Some("dialog-0001"),
        )
        .await;
    assert_eq!(
        (status, other["code"].as_str()),
        (422, Some("idempotency-key-reused"))
    );
    let (status, other) = tenant
        .post(
            "/api/v1/templates/azure/reexport",
            &json!({"mappingId": null, "scope": body["scope"], "previewToken": "pv-other"}),
            Some("dialog-0001"),
        )
        .await;
    assert_eq!(
        (status, other["code"].as_str()),
        (422, Some("idempotency-key-reused"))
    );
    assert_eq!(tenant.queue().await.len(), 1);

    let (status, second) = tenant.post(path, &body, Some("dialog-0002")).await;
    assert_eq!((status, second["id"].as_str()), (202, Some("job-0002")));
    let queue = tenant.queue().await;
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0]["id"], "job-0002", "newest first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_requests_with_one_key_make_one_job() {
    let tenant = Tenant::start(Product::EAdm, 500).await;
    let url = format!("{}/api/v1/templates/ad/reexport", tenant.demo.base_url());
    let body = tenant
        .confirmed(
            "ad",
            json!({"mappingId": null, "scope": {"kind": "all", "userIds": []}}),
        )
        .await;
    let racing: Vec<_> = (0..8)
        .map(|_| {
            let request = tenant
                .http
                .post(&url)
                .bearer_auth(&tenant.demo.api_key)
                .header("Idempotency-Key", "one-dialog-key")
                .json(&body);
            tokio::spawn(async move {
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                (status, response.json::<Value>().await.unwrap())
            })
        })
        .collect();
    for answer in racing {
        let (status, job) = answer.await.unwrap();
        assert_eq!(status, 202, "{job}");
        assert_eq!(job["id"], "job-0001");
    }
    let queue = tenant.queue().await;
    assert_eq!(queue.len(), 1);
    assert_eq!(
        (queue[0]["users"].as_u64(), queue[0]["total"].as_u64()),
        (Some(500), Some(2_500))
    );
}

#[tokio::test]
async fn a_job_is_queued_then_runs_then_completes_as_the_clock_moves() {
    let tenant = Tenant::start(Product::EAdm, 2_000).await;
    let body = tenant
        .confirmed(
            "ad",
            json!({"mappingId": null, "scope": {"kind": "all", "userIds": []}}),
        )
        .await;
    let (status, job) = tenant
        .post("/api/v1/templates/ad/reexport", &body, Some("progress-key"))
        .await;
    assert_eq!(status, 202, "{job}");
    assert_eq!(
        (job["state"].as_str(), job["done"].as_u64()),
        (Some("queued"), Some(0))
    );
    assert_eq!(job["total"], 10_000);
    assert_eq!(
        job["attributes"],
        json!(["mail", "employeeID", "displayName", "department", "title"])
    );
    // The test clock stands still: so does the job.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(tenant.queue().await[0]["state"], "queued");
    tenant.advance(1).await;
    assert_eq!(tenant.queue().await[0]["state"], "running");
    tenant.advance(2).await;
    let running = &tenant.queue().await[0];
    assert_eq!(
        (running["state"].as_str(), running["done"].as_u64()),
        (Some("running"), Some(4_000))
    );
    assert!(running["finishedAt"].is_null());
    tenant.advance(3).await;
    let completed = &tenant.queue().await[0];
    assert_eq!(
        (completed["state"].as_str(), completed["done"].as_u64()),
        (Some("completed"), Some(10_000))
    );
    let created: chrono::DateTime<chrono::Utc> =
        completed["createdAt"].as_str().unwrap().parse().unwrap();
    let finished: chrono::DateTime<chrono::Utc> =
        completed["finishedAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(finished - created, chrono::Duration::seconds(6));
}

/// Release builds only: the figures the dialog is built on hold for the largest tenant.
#[tokio::test]
#[cfg_attr(debug_assertions, ignore = "timings are for release builds")]
async fn the_largest_tenant_answers_quickly() {
    let started = Instant::now();
    let tenant = Tenant::start(Product::EAdm, 200_000).await;
    let start_time = started.elapsed();
    let body = json!({"mappingId": null, "scope": {"kind": "all", "userIds": []},
                      "offset": 600_000, "limit": 5_000});
    let mut page_times = Vec::new();
    for _ in 0..5 {
        let asked = Instant::now();
        let page = tenant.preview("ad", &body).await;
        page_times.push(asked.elapsed());
        assert_eq!(page["rows"].as_array().unwrap().len(), 5_000);
        assert_eq!(page["total"], 1_000_000);
    }
    let mut search_times = Vec::new();
    for text in ["ødegård", "kari", "sen", "99"] {
        let asked = Instant::now();
        let (status, found) = tenant.search(text).await;
        search_times.push(asked.elapsed());
        assert_eq!(status, 200);
        assert!(found["total"].as_u64().unwrap() > 0, "{text}");
    }
    eprintln!(
        "200,000 users: started in {start_time:?}; 5,000-row preview pages in {page_times:?}; \
         searches in {search_times:?}"
    );
    assert!(page_times
        .iter()
        .all(|time| *time < Duration::from_millis(100)));
    assert!(search_times
        .iter()
        .all(|time| *time < Duration::from_millis(200)));
}
