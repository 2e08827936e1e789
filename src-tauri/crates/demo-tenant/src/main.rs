//! `synkvakt-demo-tenant`: a simulated eAdm/eFeide tenant on loopback, for the demo and the tests.

use std::path::PathBuf;
use std::process::ExitCode;
use synkvakt_api::demo_protocol::{RuntimeFile, Scenario};
use synkvakt_api::model::Product;
use synkvakt_demo_tenant::{start, DemoConfig};

const USAGE: &str = "\
synkvakt-demo-tenant: a simulated eAdm/eFeide tenant speaking the tenant API on 127.0.0.1

Options:
  --product eAdm|eFeide     the product to simulate (default eAdm)
  --scenario NAME           healthy, step-failed, import-filter, stuck, running
                            (a delta cycle), waiting or no-new-cycle (default running)
  --port N                  the port to listen on; a free one when taken (default: any free port)
  --api-key KEY             the bearer token to accept (default: a random one, printed)
  --time-scale N            run steps N times faster than real ones (default 60)
  --test-clock              steps take their real length and time moves only on
                            POST /_demo/clock/advance?seconds=N
  --runtime-dir DIR         write demo-tenant.json there, for Synkvakt to find this server
  --api-start               the tenant starts cycles through its API (newer eAdm)
  --api-clear-cache         the tenant clears the portal's cache through its API (newer
                            versions; older ones leave it to the admin in the portal)
  --users N                 how many users the tenant has, 50 to 200000 (default 500;
                            others are clamped to that range)
  --tenants N               how many tenants to simulate, 1 to 500 (default 1): the first at
                            the root, tenant N below /tenants/N/ (names end in N)
  --on-demand               exit when no Synkvakt process has renewed its lease for a while

Try: curl -H \"Authorization: Bearer KEY\" http://127.0.0.1:PORT/api/v1/cycles/current
";

fn parse(args: impl Iterator<Item = String>) -> Result<DemoConfig, String> {
    let mut config = DemoConfig::new(Product::EAdm, Scenario::Running);
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--product" => {
                config.product = match value()?.to_ascii_lowercase().as_str() {
                    "eadm" => Product::EAdm,
                    "efeide" => Product::EFeide,
                    other => {
                        return Err(format!("unknown product {other:?}; choose eAdm or eFeide"))
                    }
                }
            }
            "--scenario" => config.scenario = value()?.parse()?,
            "--port" => {
                config.port = value()?
                    .parse()
                    .map_err(|_| "--port needs a number from 0 to 65535")?
            }
            "--api-key" => config.api_key = value()?,
            "--time-scale" => {
                config.time_scale = value()?
                    .parse()
                    .ok()
                    .filter(|scale: &f64| *scale > 0.0)
                    .ok_or("--time-scale needs a positive number")?
            }
            "--test-clock" => config.test_clock = true,
            "--runtime-dir" => config.runtime_dir = Some(PathBuf::from(value()?)),
            "--on-demand" => config.on_demand = true,
            "--api-start" => config.can_start_cycle = true,
            "--api-clear-cache" => config.can_clear_cache = true,
            "--tenants" => {
                config.tenants = value()?
                    .parse()
                    .ok()
                    .filter(|n| (1..=synkvakt_api::demo_protocol::MAX_DEMO_TENANTS).contains(n))
                    .ok_or("--tenants needs a whole number from 1 to 500")?
            }
            "--users" => {
                config.users = value()?
                    .parse()
                    .map_err(|_| "--users needs a whole number from 50 to 200000")?
            }
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SYNKVAKT_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config = match parse(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) if message.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime_dir = config.runtime_dir.clone();
    // Started by Synkvakt, its output goes to a log file: the key stays out of it.
    let announce_key = !config.on_demand;
    let running = match start(config).await {
        Ok(running) => running,
        Err(err) => {
            eprintln!("cannot start the demo tenant: {err}");
            return ExitCode::FAILURE;
        }
    };
    if announce_key {
        println!("{} api-key {}", running.base_url(), running.api_key);
    } else {
        println!("{}", running.base_url());
    }
    tokio::select! {
        served = running.wait() => match served {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("the demo tenant stopped: {err}");
                ExitCode::FAILURE
            }
        },
        _ = tokio::signal::ctrl_c() => {
            if let Some(dir) = runtime_dir {
                RuntimeFile::remove_if_written_by(&dir, std::process::id());
            }
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<DemoConfig, String> {
        parse(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn the_api_flags_turn_on_what_newer_versions_can() {
        let plain = parsed(&[]).unwrap();
        assert!(!plain.can_start_cycle && !plain.can_clear_cache);
        let cache = parsed(&["--api-clear-cache"]).unwrap();
        assert!(cache.can_clear_cache && !cache.can_start_cycle);
        let both = parsed(&["--api-start", "--api-clear-cache"]).unwrap();
        assert!(both.can_clear_cache && both.can_start_cycle);
        let scenario = parsed(&["--scenario", "no-new-cycle"]).unwrap();
        assert_eq!(scenario.scenario, Scenario::NoNewCycle);
        assert!(USAGE.contains("--api-clear-cache") && USAGE.contains("no-new-cycle"));
    }
}
