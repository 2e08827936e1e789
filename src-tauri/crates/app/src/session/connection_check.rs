//! "Test connection": a profile as the form has it, checked before or after it is saved, check
//! by check: reachability, TLS, authentication, product, and each task.

use super::Session;
use crate::ports::{read_secret, Secret, SecretKind};
use crate::reach;
use crate::tenant_client::TenantClient;
use serde::Serialize;
use specta::Type;
use synkvakt_core::error::{Error, Result, UserError};
use synkvakt_core::machines::Machine;
use synkvakt_core::profiles::{ProfileInput, SecretChange, StoredSecrets};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum CheckOutcome {
    Passed,
    Failed,
    /// Not checked, because an earlier check failed or this system cannot.
    NotChecked,
}

/// What one check of "Test connection" was about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CheckSubject {
    Reachable,
    Tls,
    Authentication,
    Product,
    Task {
        name: String,
        server: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    pub subject: CheckSubject,
    pub outcome: CheckOutcome,
    /// What was found, in the admin's language.
    pub text: String,
    /// The error behind a failed check, what it means and what to do.
    pub problem: Option<UserError>,
}

/// The outcome of "Test connection", check by check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub checks: Vec<ConnectionCheck>,
    /// The tenant's name as the service gives it, when it answered.
    pub tenant_name: Option<String>,
}

impl Session {
    /// Tests a profile as the form has it, before or after saving: reachability, TLS,
    /// authentication, product, and each task, each said on its own.
    pub async fn test_connection(&self, input: ProfileInput) -> Result<ConnectionReport> {
        let settings = self.settings_now();
        let draft = match &input.id {
            Some(_) => input.clone(),
            None => ProfileInput {
                id: None,
                ..input.clone()
            },
        };
        let profile = draft.checked(&settings.tenants)?;
        let stored = |kind| {
            let id = input.id.clone();
            async move {
                match id {
                    Some(id) => read_secret(&self.secrets, &id, kind).await,
                    None => Ok(None),
                }
            }
        };
        let stored_key = stored(SecretKind::ApiKey).await?;
        let stored_password = stored(SecretKind::ServerPassword).await?;
        let saved = input.id.as_ref().and_then(|id| settings.profile(id).ok());
        input.kept_secrets_stay(
            &profile,
            saved,
            StoredSecrets {
                api_key: stored_key.is_some(),
                server_password: stored_password.is_some(),
            },
        )?;
        let api_key = match &input.api_key {
            SecretChange::Replace { value } => Some(Secret::new(value.trim())),
            SecretChange::Remove => None,
            SecretChange::Keep => stored_key,
        };
        let password = match &input.server_password {
            SecretChange::Replace { value } => Some(Secret::new(value.trim())),
            SecretChange::Remove => None,
            SecretChange::Keep => stored_password,
        };
        let localizer = self.localizer();
        let mut checks = Vec::new();
        let check =
            |subject, outcome, key: &str, args: &[(&str, synkvakt_core::i18n::Arg)], problem| {
                ConnectionCheck {
                    subject,
                    outcome,
                    text: localizer.format(key, args),
                    problem,
                }
            };
        let Some(api_key) = api_key else {
            let problem = Error::NoApiKey {
                tenant: profile.name.clone(),
            };
            checks.push(check(
                CheckSubject::Authentication,
                CheckOutcome::Failed,
                "check-no-key",
                &[],
                Some(problem.to_user(&localizer)),
            ));
            return Ok(ConnectionReport {
                checks,
                tenant_name: None,
            });
        };
        let secure = profile.service_url.starts_with("https:");
        let answer = match TenantClient::with_network(
            &profile.service_url,
            api_key.expose(),
            &settings.network,
        ) {
            Ok(client) => client.tenant_info().await,
            Err(err) => Err(err),
        };
        use CheckOutcome::{Failed, NotChecked, Passed};
        let failed = |err: &Error| Some(err.to_user(&localizer));
        let (reach, tls, auth, product, tenant_name) = match &answer {
            Ok(info) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (Passed, "check-auth-ok", None),
                if info.product == profile.product {
                    (Passed, "check-product-ok", None)
                } else {
                    (Failed, "check-product-other", None)
                },
                Some(info.name.clone()),
            ),
            Err(
                err @ (Error::Unreachable { .. }
                | Error::Timeout { .. }
                | Error::Redirected { .. }
                | Error::ProxyAuth { .. }
                | Error::InvalidUrl { .. }
                | Error::ExtraCa { .. }),
            ) => (
                (Failed, "check-reachable-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err @ Error::Tls { .. }) => (
                (Passed, "check-reachable-ok", None),
                (Failed, "check-tls-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err @ Error::Unauthorized { .. }) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (Failed, "check-auth-failed", failed(err)),
                (NotChecked, "check-not-checked", None),
                None,
            ),
            Err(err) => (
                (Passed, "check-reachable-ok", None),
                (
                    Passed,
                    if secure {
                        "check-tls-ok"
                    } else {
                        "check-tls-loopback"
                    },
                    None,
                ),
                (NotChecked, "check-not-checked", None),
                (Failed, "check-product-not-api", failed(err)),
                None,
            ),
        };
        let product_args = [
            ("expected", profile.product.as_str().into()),
            (
                "found",
                answer
                    .as_ref()
                    .map(|info| info.product.as_str())
                    .unwrap_or_default()
                    .into(),
            ),
        ];
        for (subject, (outcome, key, problem)) in [
            (CheckSubject::Reachable, reach),
            (CheckSubject::Tls, tls),
            (CheckSubject::Authentication, auth),
            (CheckSubject::Product, product),
        ] {
            checks.push(check(subject, outcome, key, &product_args, problem));
        }

        let scheduler = self.schedulers.signed_in_as(
            profile.server_account.as_deref(),
            password.map(|secret| secret.expose().to_string()),
        )?;
        for task in &profile.client.tasks {
            let subject = CheckSubject::Task {
                name: task.name.clone(),
                server: task.server.clone(),
            };
            let args = [("task", task.name.as_str().into())];
            // Reaching a domain controller's Task Scheduler takes the rights the profile has
            // not given this workstation: the check does not try.
            if task.role == Machine::DomainController
                && !profile.client.allow_domain_controller_tasks
            {
                checks.push(check(
                    subject,
                    NotChecked,
                    "check-task-dc-not-allowed",
                    &args,
                    None,
                ));
                continue;
            }
            let status = reach::task_status(scheduler.clone(), task).await?;
            checks.push(match status {
                Ok(_) => check(subject, Passed, "check-task-found", &args, None),
                Err(err @ synkvakt_taskschd::Error::NotSupported { .. }) => check(
                    subject,
                    NotChecked,
                    "check-task-not-here",
                    &args,
                    Some(Error::from(err).to_user(&localizer)),
                ),
                Err(err) => check(
                    subject,
                    Failed,
                    "check-task-failed",
                    &args,
                    Some(Error::from(err).to_user(&localizer)),
                ),
            });
        }
        Ok(ConnectionReport {
            checks,
            tenant_name,
        })
    }
}
