//! The rules a service or proxy address follows before anything is sent to it.

use crate::error::{Error, Result};
use std::net::IpAddr;
use url::Url;

/// The address checked: a host, https, or plain http to this machine only.
pub fn service_base(service_url: &str) -> Result<Url> {
    let invalid = || Error::InvalidUrl {
        url: service_url.to_string(),
    };
    let mut base = Url::parse(service_url.trim()).map_err(|_| invalid())?;
    if base.host_str().is_none_or(str::is_empty) {
        return Err(invalid());
    }
    refuse_credentials("service-url", &base)?;
    match base.scheme() {
        "https" => {}
        "http" if is_loopback(&base) => {}
        "http" => {
            return Err(Error::InsecureUrl {
                url: service_url.to_string(),
            })
        }
        _ => return Err(invalid()),
    }
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

/// An address may not carry a user or password: it would sit in the settings file, the logs
/// and the page, where no secret goes (the key and passwords live in the keyring).
pub fn refuse_credentials(field: &'static str, url: &Url) -> Result<()> {
    match url.username().is_empty() && url.password().is_none() {
        true => Ok(()),
        false => Err(Error::Invalid {
            field,
            rule: "no-credentials",
            limit: 0,
        }),
    }
}

/// Plain http is allowed only to this machine: nothing else can read it on the way.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}
