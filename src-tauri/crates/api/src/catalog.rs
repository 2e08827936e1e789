//! The steps each product's cycle is known to have, in the order they run, keyed per product:
//! "import-ad" is a different step in eAdm than in eFeide. The tenant's cycle decides which steps
//! exist; the catalog only adds what the app knows about them.

use crate::model::Product;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Import,
    Synchronization,
    Export,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogStep {
    pub product: Product,
    /// The key the service uses for the step.
    pub key: &'static str,
    pub kind: StepKind,
}

impl CatalogStep {
    /// The catalog message with the step's name as the vendor's portal shows it.
    pub fn name_id(&self) -> String {
        format!(
            "step-{}-{}",
            self.product.as_str().to_ascii_lowercase(),
            self.key
        )
    }
}

const fn step(product: Product, key: &'static str, kind: StepKind) -> CatalogStep {
    CatalogStep { product, key, kind }
}

use Product::{EAdm, EFeide};
use StepKind::{Export, Import, Synchronization};

pub const EADM_STEPS: &[CatalogStep] = &[
    step(EAdm, "import-hr", Import),
    step(EAdm, "import-hr-future", Import),
    step(EAdm, "import-hierarchy", Import),
    step(EAdm, "import-ad", Import),
    step(EAdm, "synchronization", Synchronization),
    step(EAdm, "export-ad", Export),
    step(EAdm, "import-ad-results", Import),
    step(EAdm, "export-azure", Export),
    step(EAdm, "export-efeide", Export),
];

pub const EFEIDE_STEPS: &[CatalogStep] = &[
    step(EFeide, "import-sas-isi", Import),
    step(EFeide, "import-sas", Import),
    step(EFeide, "import-visma-inschool", Import),
    step(EFeide, "import-visma-flyt", Import),
    step(EFeide, "import-samaccountname", Import),
    step(EFeide, "import-flyvo", Import),
    step(EFeide, "synchronization", Synchronization),
    step(EFeide, "export-ad", Export),
    step(EFeide, "import-ad", Import),
    step(EFeide, "export-lms", Export),
    step(EFeide, "export-365", Export),
    step(EFeide, "export-azure", Export),
];

pub fn steps(product: Product) -> &'static [CatalogStep] {
    match product {
        EAdm => EADM_STEPS,
        EFeide => EFEIDE_STEPS,
    }
}

pub fn lookup(product: Product, key: &str) -> Option<&'static CatalogStep> {
    steps(product).iter().find(|step| step.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_per_product() {
        let eadm = lookup(EAdm, "import-ad").unwrap();
        let efeide = lookup(EFeide, "import-ad").unwrap();
        assert_ne!(eadm.name_id(), efeide.name_id());
        assert!(lookup(EAdm, "import-sas").is_none());
    }
}
