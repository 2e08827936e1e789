## Stegnamn, slik leverandøren sin portal viser dei

step-eadm-import-hr = Import HR
step-eadm-import-hr-future = Import HR Future
step-eadm-import-hierarchy = Import Hierarchy
step-eadm-import-ad = Import AD
step-eadm-synchronization = Synkronisering
step-eadm-export-ad = Export AD
step-eadm-import-ad-results = Import AD Results
step-eadm-export-azure = Export Azure
step-eadm-export-efeide = Export eFeide
step-efeide-import-sas-isi = Import SAS ISI
step-efeide-import-sas = Import SAS
step-efeide-import-visma-inschool = Import Visma InSchool
step-efeide-import-visma-flyt = Import Visma Flyt
step-efeide-import-samaccountname = Import samAccountName
step-efeide-import-flyvo = Import FlyVo
step-efeide-synchronization = Synkronisering
step-efeide-export-ad = Export AD
step-efeide-import-ad = Import AD
step-efeide-export-lms = Export LMS
step-efeide-export-365 = Export 365
step-efeide-export-azure = Export Azure

## Syklusen som heilskap, i toppfeltet

overall-completed = Fullført
overall-resumed = Teken opp att etter importfilteret
overall-failed = Feila på { $step }
overall-stopped = Stoppa av importfilteret på { $step }
overall-running = Køyrer: { $step }
overall-unknown = Ukjend status: { $state }

## Feil: kva som skjedde, og kva du kan gjere

error-invalid-url = { $url } er ikkje ei gyldig tenesteadresse.
error-invalid-url-hint = Kontroller adressa i innstillingane for kunden. Ho ser ut som https://namn.example.no.
error-insecure-url = { $url } brukar ikkje https.
error-insecure-url-hint = Bruk https-adressa til tenesta. Vanleg http er berre tillate til denne maskina.
error-unreachable = Fekk ikkje kontakt med { $url }.
error-unreachable-hint = Kontroller nettverket og adressa, og prøv igjen.
error-timeout = { $url } svarte ikkje innan { $seconds } sekund.
error-timeout-hint = Tenesta kan vere travel eller nettverket tregt. Prøv igjen om eit minutt.
error-unauthorized = Tenesta godtok ikkje API-nøkkelen.
error-unauthorized-hint = Kontroller at API-nøkkelen er rett og ikkje har gått ut.
error-status = Tenesta svarte med feil { $status } på { $endpoint }.
error-status-hint = Prøv igjen om eit minutt. Skjer det igjen, kopier detaljane og kontakt support.
error-too-large = Tenesta sende meir data enn venta for { $endpoint }.
error-too-large-hint = Kopier detaljane og kontakt support.
error-malformed = Tenesta sende data for { $endpoint } som Synkvakt ikkje forstår.
error-malformed-hint = Tenesta kan vere nyare enn denne versjonen av Synkvakt. Oppdater Synkvakt, eller kontakt support med detaljane.
error-disconnected = Sambandet braut medan { $endpoint } vart lesen.
error-disconnected-hint = Prøv igjen. Skjer det igjen, kontroller nettverket.
error-settings-broken = Innstillingsfila kan ikkje lesast: { $path }
error-settings-broken-hint = Synkvakt brukar standardinnstillingar. Endrar du ei innstilling, blir den øydelagde fila lagd til side ved den nye, med «.broken» lagt til i namnet.
error-settings-too-new = Innstillingsfila er skriven av ein nyare Synkvakt: { $path }
error-settings-too-new-hint = Oppdater Synkvakt. Fila er ikkje endra.
error-io = Ei fil kunne ikkje lesast eller skrivast: { $path }
error-io-hint = Kontroller at mappa finst, og at du har lov til å skrive i henne.
error-demo-tenant = Demokunden kunne ikkje starte.
error-demo-tenant-hint = Prøv igjen. Feilar det igjen, står årsaka i detaljane under; loggen til demokunden ligg i loggmappa til Synkvakt.
error-refused = Handlinga vart ikkje utført: { $reason }
error-refused-hint = Les årsaka, rett opp, og prøv igjen.

## Vindauget

app-name = Synkvakt
demo-badge = Demokunde
demo-notice = Dette er den innebygde demokunden (scenario «{ $scenario }»): simulerte data for å prøve Synkvakt. Ingenting her er ein verkeleg kommune.
nav-label = Stader
nav-status = Status
language-label = Språk
language-os = Følg systemet
loading = Hentar status …
retry = Prøv igjen
error-details = Detaljar for support
error-ipc = Synkvakt kunne ikkje utføre førespurnaden.
error-ipc-hint = Start Synkvakt på nytt. Skjer det igjen, kopier detaljane og kontakt support.

## Syklusen og stega

cycle-heading = Synkroniseringssyklus · { $kind }
cycle-kind-full = full
cycle-kind-delta = delta
cycle-started-ago = Starta { $when }
cycle-finished = ferdig { $when }
updated = oppdatert { $time }
steps-label = Stega i synkroniseringssyklusen
step-since = sidan { $time }
step-unknown-note = Synkvakt kjenner ikkje dette steget. Det blir vist slik tenesta kallar det.
state-completed = fullført
state-failed = feila
state-stopped = stoppa av importfilteret
state-running = køyrer
state-waiting = ventar på å starte
state-not-reached = ikkje nådd
state-skipped = hoppa over
state-unknown = ukjend status: { $raw }

## Detaljar om steget

detail-message = Melding frå tenesta:
detail-started = Starta
detail-finished = Ferdig
detail-duration = Varigheit
detail-error-code = Feilkode
detail-step-key = Stegnøkkel
import-filter-heading = Importfilter
filter-new = Nye kontoar
filter-changed = Endra kontoar
filter-deleted = Sletta kontoar
filter-anomaly = Avvik i brukardata
filter-figures = { $observed } % ({ $count } av { $previous }), terskel { $threshold } %
filter-exceeded = over terskelen
filter-within = innanfor terskelen

## Tider og varigheiter

age-now = akkurat no
age-minutes = for { $minutes } min sidan
age-hours = for { $hours } t { $minutes } min sidan
age-days = { $days ->
    [one] for { $days } dag sidan
   *[other] for { $days } dagar sidan
}
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } t { $minutes } min
demo-scenario-healthy = alt i orden
demo-scenario-step-failed = eit steg feila
demo-scenario-import-filter = stoppa av importfilteret
demo-scenario-stuck = eit steg blir aldri ferdig
demo-scenario-running = ein deltasyklus køyrer
demo-scenario-waiting = eit steg som ventar på klienten

## Kva kvart steg gjer

about-eadm-import-hr = Hentar dei tilsette frå HR-systemet (HRM).
about-eadm-import-hr-future = Hentar tilsette med startdato fram i tid.
about-eadm-import-hierarchy = Hentar organisasjonskartet.
about-eadm-import-ad = Hentar kontoane som alt finst i lokalt Active Directory.
about-eadm-synchronization = Samanliknar med førre import, brukar reglane og tilgangane, og finn endringane.
about-eadm-export-ad = Sender endringane til lokalt Active Directory via klienten.
about-eadm-import-ad-results = Klienten melder kva han oppretta og endra i Active Directory.
about-eadm-export-azure = Sender endringane til Entra ID (Azure).
about-eadm-export-efeide = Sender endringane til eFeide.
about-efeide-import-sas-isi = Ventar på data frå IST (SATS, Extens, Everyday).
about-efeide-import-sas = Ventar på datafiler frå det skuleadministrative systemet (WIS, IST lagra lokalt, iSkole).
about-efeide-import-visma-inschool = Importerer frå Visma InSchool.
about-efeide-import-visma-flyt = Importerer frå Visma Flyt.
about-efeide-import-samaccountname = Ventar på brukarnamna frå lokalt Active Directory.
about-efeide-import-flyvo = Ventar på data frå Visma Flyktning og Voksenopplæring.
about-efeide-synchronization = Samanliknar med førre import og finn endringane; importfilteret kan stoppe syklusen her.
about-efeide-export-ad = Startar overføringa til lokalt Active Directory: ei planlagd oppgåve på domenekontrollaren hentar eksporten.
about-efeide-import-ad = Tilbakemeldinga frå lokalt Active Directory etter Export AD.
about-efeide-export-lms = Eksporterer til læringsplattformene (Canvas, Skolon, SDS og andre).
about-efeide-export-365 = Eksporterer til Microsoft 365.
about-efeide-export-azure = Eksporterer til Azure.
about-unknown-step = Rettleiingane til leverandøren skildrar ikkje dette steget, så Synkvakt gir ingen eigne råd for det: kontakt support.

## Kva du kan gjere

machine-client-server = klientserveren
machine-domain-controller = domenekontrollaren
remedy-run-task = Køyr den planlagde oppgåva «{ $task }» på { $server } (i Windows heiter det Oppgaveplanlegging, Oppgaveplanleggingsbibliotek, Kjør), og vent til statusen er Klar igjen.
remedy-run-task-or = Køyr den planlagde oppgåva «{ $task }» (eller «{ $alternative }») på { $server }, og vent til statusen er Klar igjen.
remedy-read-logs = Les dei nyaste filene i loggmappa til klienten: { $path }
remedy-read-logs-on = Les dei nyaste filene i loggmappa til klienten, { $path } på { $server }.
remedy-event-log = Sjå etter feil i Hendelsesliste (Windows-logger > Program) på { $server }.
remedy-review-import-filter = Sjekk om så mange endringar er venta, til dømes etter ei omorganisering. Viss ikkje, gå gjennom loggen for den nyaste importen, og skal mange kontoar slettast, sjekk dataa i HR-systemet først. Når alt er som det skal, ta opp att synkroniseringssyklusen.
remedy-school-promotion = Har du nett køyrt skuleopprykket i det skuleadministrative systemet, er denne stansen venta: les rettleiinga til leverandøren for skuleopprykk.
remedy-iskole = Skular på iSkole kan ikkje starte dette sjølve: kontakt support.
remedy-contact-support = Berre support kan hjelpe med dette steget. Kopier detaljane under inn i meldinga til support.
overall-stalled-step = Over vanleg tid: { $step }

## Detaljar for support

support-tenant = Kunde
support-cycle = Syklus
support-step = Steg
support-error-code = Feilkode
support-message = Melding
support-started = Steget starta
support-finished = Steget ferdig
support-cycle-started = Syklusen starta
support-app-version = App

## Rettleiing, historikk, fråkopla og stillstand

nav-history = Historikk
guidance-about = Kva steget gjer
situation-failed = Dette kan du gjere no
situation-stopped = Syklusen stoppa på dette steget: dette kan du gjere
situation-waiting-too-long = Steget har ikkje starta innan vanleg tid: dette kan du gjere
situation-running-too-long = Steget har køyrt lenger enn vanleg: dette kan du gjere
guidance-support-only = Du kan ikkje gjere noko med dette steget sjølv: kontakt support, og kopier detaljane til dei.
copy-details = Kopier detaljar for support
copy-done = Kopiert. Lim dei inn i meldinga til support.
copy-failed = Kunne ikkje kopiere. Merk teksten under og kopier han sjølv.
overdue-running = Over vanleg tid: dette steget er vanlegvis ferdig innan { $limit }.
overdue-waiting = Over vanleg tid: dette steget startar vanlegvis innan { $limit } etter steget før.
overdue-short = over vanleg tid
offline-title = Får ikkje kontakt med kunden. Viser syklusen slik han var { $when }.
offline-retrying = Synkvakt prøver vidare og oppdaterer seg sjølv når kunden svarar igjen.
history-heading = Siste synkroniseringssyklusar
history-state = Status
history-kind = Type
history-started = Starta
history-duration = Varigheit
history-stopped = Stoppa på
history-stopped-at = { $step }
history-not-finished = ikkje ferdig
history-empty = Kunden har ingen syklusar enno.
history-cycle-title = Syklus { $id }

## Stopp i importfilteret

refused-not-stopped = syklusen er ikkje lenger den importfilteret stoppa. Sjå på statusen igjen.
refused-counts-changed = loggen for importen er endra sidan du såg på han. Sjå på dei nye tala og stadfest på nytt.
log-heading = Loggen for den nyaste importen
log-counts = { $add } nye, { $edit } endra, { $delete } som blir sletta
log-kind-all = Alle
log-kind-add = Nye
log-kind-edit = Endra
log-kind-delete = Sletta
log-search = Søk på brukar-ID eller namn
log-user-id = Brukar-ID
log-name = Namn
log-detail = Detalj
log-kind = Type
log-showing = Viser { $shown } av { $total }
log-more = Vis fleire
log-none = Ingen oppføringar passar.
resume-button = Ta opp att synkroniseringssyklus
resume-confirm-title = Ta opp att synkroniseringssyklusen?
resume-confirm-body = Importen som er halden tilbake, blir sleppt gjennom: { $add } nye kontoar, { $edit } endringar og { $delete } kontoar som blir sletta. Dette kan ikkje angrast frå Synkvakt.
resume-confirm = Ta opp att og slepp gjennom { $total } endringar
resume-cancel = Avbryt
resume-working = Tek opp att …
resumed-note = Syklusen er teken opp att. Dataa går gjennom ved neste planlagde syklus; hastar det, køyr ei ny manuell synkronisering no.
remedy-review-import-filter-school = Elles: sjekk om så mange endringar er venta. Viss ikkje, gå gjennom loggen for den nyaste importen, og skal mange kontoar slettast, sjekk dataa i det skuleadministrative systemet først. Når alt er som det skal, ta opp att synkroniseringssyklusen.
overall-unreachable = Ikkje tilgjengeleg · slik det var { $time }

## Planlagde oppgåver

error-task-not-found = Fann ikkje den planlagde oppgåva: { $detail }
error-task-not-found-hint = Kontroller namnet på oppgåva og serveren i innstillingane; i Oppgaveplanleggingsbibliotek på den serveren må oppgåva ha nøyaktig det namnet.
error-task-access-denied = Oppgaveplanlegging nekta tilgang: { $detail }
error-task-access-denied-hint = Windows-brukaren din har kanskje ikkje lov til å lese eller køyre oppgåver på den serveren. Logg på som ein brukar som har det, eller spør administratoren for serveren.
error-task-service-not-running = Tenesta Oppgaveplanlegging køyrer ikkje: { $detail }
error-task-service-not-running-hint = Start tenesta Oppgaveplanlegging på den serveren, eller be administratoren gjere det.
error-task-server-unreachable = Fekk ikkje kontakt med serveren der oppgåva ligg: { $detail }
error-task-server-unreachable-hint = Kontroller namnet på serveren, at han er på, og at brannmuren slepper gjennom fjernstyring av oppgåver.
error-task-not-supported = Denne oppgåveplanleggaren kan ikkje gjere det: { $detail }
error-task-not-supported-hint = Køyr oppgåva i Oppgaveplanlegging på sjølve serveren.
error-task-already-running = Den planlagde oppgåva køyrer allereie: { $detail }
error-task-already-running-hint = Vent til statusen er Klar igjen, og sjekk så syklusen.
error-task-other = Oppgaveplanlegging melde ein feil: { $detail }
error-task-other-hint = Prøv igjen. Skjer det igjen, kopier detaljane og kontakt support.

refusal-last-cycle-failed = den siste syklusen feila i { $step }. Ikkje start ein ny: følg rettleiinga for det steget, eller kontakt support.
refusal-last-cycle-stopped = importfilteret stoppa den siste syklusen. Sjå gjennom importen og hald fram med syklusen først.
refusal-unknown-cycle-state = den siste syklusen har ein status Synkvakt ikkje kjenner ({ $state }). Ikkje start ein ny: kontakt support.
refusal-task-running = den planlagde oppgåva køyrer allereie. Vent til statusen er Klar att.
refusal-task-disabled = den planlagde oppgåva er deaktivert i Oppgåveplanlegging. Aktiver ho der, eller spør administratoren av serveren.
refusal-not-a-remedy = å køyre «{ $task }» hjelper ikkje { $step } slik det står no. Følg rettleiinga for steget.
refusal-no-such-step = syklusen har ikkje lenger steget { $step }. Sjå på statusen på nytt.

nav-manual-sync = Manuell synk
cancel = Avbryt
machine-this-computer = denne datamaskina
manual-sync-title = Manuell synkronisering
manual-sync-intro = Ein ny syklus utanom planen, slik rettleiinga skildrar: sjekk at siste syklus er fullført med alle steg, køyr den planlagde oppgåva til klienten og vent til ho er Ready, tøm mellomlageret ditt i nettportalen, og følg den nye syklusen til han er ferdig. Synkvakt sjekkar på nytt rett før noko køyrer.
manual-sync-begin = Start ei manuell synkronisering …
manual-sync-again = Start ei ny manuell synkronisering …
manual-sync-confirm = Starte ein ny synkroniseringssyklus for { $tenant }? Han køyrer alle steg, også eksportane til målsystema. Ingenting startar om ein syklus køyrer, har feila eller er stoppa.
manual-sync-run = Start manuell synkronisering
checklist-item-check-status = Sjekk at siste syklus er ferdig
checklist-item-run-task = Køyr «{ $task }» på { $server } og vent til ho er Klar
checklist-item-clear-cache = Tøm mellomlageret ditt i nettportalen
checklist-item-watch-cycle = Følg den nye syklusen til han er fullført
checklist-start-unanswered = Kunden svarte ikkje på starten. Synkvakt sender den same starten på nytt til han svarar; kunden startar høgst éin syklus for han.
checklist-waiting-for-cycle = Deltasyklus { $cycle } køyrer ({ $minutes } min så langt). Synkvakt ventar på han i opptil { $limit } min, det lengste ein deltasyklus vanlegvis tek her, og sjekkar så på nytt.
checklist-new-cycle-stopped = Den nye syklusen stoppa. Opna Status og følg rettleiinga for steget som stoppa.
checklist-started-by-api = Denne tenanten starta syklusen sjølv; inga planlagd oppgåve trongst.
checklist-new-cycle = Ny syklus starta kl. { $time }: { $headline }
checklist-new-cycle-steps = Den nye syklusen
item-state-todo = ikkje enno
item-state-doing = pågår
item-state-done = ferdig
item-state-blocked = stoppa
item-state-left = forlate
task-live = Oppgåva «{ $task }»: { $state }
task-state-ready = Klar
task-state-running = Køyrer
task-state-queued = I kø
task-state-disabled = Deaktivert
task-state-unknown = ukjend status
task-state-unreadable = statusen kan ikkje lesast
elapsed = { $duration } så langt
manual-sync-since = Starta kl. { $time }
manual-sync-ended = avslutta kl. { $time }
manual-sync-leave = Forlat sjekklista
manual-sync-leave-note = Ei oppgåve som køyrer, blir ikkje stoppa: Synkvakt følgjer ho til ho er Klar (og ber tenesta tømme mellomlageret der ho kan), og stoppar først då.
manual-sync-leaving = Forlèt: Synkvakt gjer ferdig det som pågår (oppgåva, og tøminga av mellomlageret der tenesta gjer det), og stoppar så.
manual-sync-outcome-completed = Den nye syklusen er fullført. Den manuelle synkroniseringa er ferdig.
manual-sync-outcome-new-cycle-stopped = Den nye syklusen stoppa. Følg rettleiinga for steget på Status-sida.
manual-sync-outcome-refused = Ingenting vart starta. Det første punktet seier kvifor og kva du kan gjere.
manual-sync-outcome-left = Du forlét sjekklista. Ingenting vart ståande halvferdig.
manual-sync-outcome-failed = Den planlagde oppgåva kunne ikkje lesast eller køyrast. Det første punktet seier kvifor.
nudge-button = Køyr «{ $task }»
nudge-confirm = Køyre «{ $task }» på { $server } no? Det startar ikkje ein ny syklus: det gir { $step } det steget ventar på.
nudge-ran = Du køyrde «{ $task }» kl. { $time }.
nudge-watching = Følgjer med på om { $step } kjem i gang …
nudge-moved = { $step } er i gang att.
nudge-not-moved = { $step } har ikkje kome i gang. Les dei nyaste filene i loggmappa til klienten, { $folder }, og Hendelsesliste (Windows-logger > Program) på { $machine }; forklarer dei det ikkje, kontakt support.

nav-reexport = Reeksport
nav-export-queue = Eksportkø
reexport-title = Reeksport av attributt
reexport-intro = Vanlegvis blir berre endra verdiar eksporterte. Reeksport skriv verdiane til ein mapping på nytt, for alle brukarar eller eit utval: når nokon har endra verdiar for hand i målsystemet, når eit kjeldeuttrykk er endra, eller for å skrive ein fast verdi på nytt for alle.
reexport-target-attribute = Målattributt
reexport-source-expression = Kjeldeuttrykk
reexport-actions = Handlingar
reexport-mapping = Eksporter mapping { $attribute } …
reexport-template = Eksporter attributt for { $template } …
reexport-all-attributes = alle attributt
reexport-dialog-title = Reeksport av { $attribute } ({ $template })
reexport-scope = Brukarar
reexport-scope-all = Alle brukarar
reexport-scope-selection = Eit utval brukarar
reexport-search-users = Finn brukarar på ID eller namn
reexport-found = Viser { $shown } av { $total } treff
reexport-add = Legg til
reexport-selected = { $count ->
    [one] 1 brukar vald
   *[other] { $count } brukarar valde
}
reexport-remove = Fjern { $id } frå utvalet
reexport-preview = Førehandsvis
reexport-execute = Utfør …
reexport-close = Lukk
reexport-confirm-title = Reeksport hos { $tenant }
reexport-confirm-whole-scope = Tala gjeld alle brukarane i reeksporten, ikkje berre radene filteret i tabellen viser.
reexport-confirm-all = Dette overskriv { $attributes } for alle { $users } brukarar ({ $values } verdiar) i { $target }.
reexport-confirm-selection = Dette overskriv { $attributes } for { $users ->
    [one] 1 vald brukar
   *[other] { $users } valde brukarar
} ({ $values ->
    [one] 1 verdi
   *[other] { $values } verdiar
}) i { $target }.
reexport-confirm-changes = { $changes } av verdiane er ulike det { $target } har no, eller han har ingen.
reexport-overwrite = Overskriv { $attributes } i { $target }
reexport-queued = Reeksporten ligg i eksportkøen som { $job }. Følg han under Eksportkø.
reexport-job-as-confirmed = Jobben skriv { $values } verdiar for { $users } brukarar, slik du stadfesta.
reexport-job-differs = Jobben skriv { $values } verdiar for { $users } brukarar, men du stadfesta { $confirmedValues } verdiar for { $confirmedUsers } brukarar. Sjå på jobben under Eksportkø; kontakt support om han ikkje skal køyre.
reexport-sent-open = Opne Reeksport
reexport-sent-title = Reeksportar sende før Synkvakt stoppa
reexport-sent-queued = Reeksporten av { $attributes } til { $target } hos { $tenant }, stadfesta kl. { $time }, kom inn i eksportkøen som { $job }: { $values } verdiar for { $users } brukarar.
reexport-sent-never-arrived = Reeksporten av { $attributes } til { $target } hos { $tenant }, stadfesta kl. { $time }, vart send, men det kom ikkje noko svar før Synkvakt stoppa eller miste sambandet, og han ligg ikkje i eksportkøen.
reexport-sent-again = Send han på nytt …
reexport-sent-confirm = Sende han på nytt til { $tenant }? Han overskriv { $attributes } for { $users } brukarar ({ $values } verdiar) i { $target }. Han vert send med same nøkkel som sist, så kunden legg han i køen høgst éin gong.
reexport-sent-send = Send reeksporten av { $attributes } på nytt
reexport-sent-other-tenant = Ein reeksport av { $attributes } til { $target } hos { $tenant }, stadfesta kl. { $time }, vart send utan svar før Synkvakt stoppa. Vel { $tenant } for å sjå om han kom inn i eksportkøen.
reexport-sent-moved = Reeksporten av { $attributes } til { $target } hos { $tenant }, stadfesta kl. { $time }, vart send til { $address }, som ikkje lenger er adressa til kunden. Synkvakt sender han ikkje til den nye; spør leverandøren om han kom inn i den køen.
reexport-sent-unknown = Synkvakt fekk ikkje spurt om reeksporten av { $attributes } til { $target } hos { $tenant }, stadfesta kl. { $time }, kom inn i eksportkøen. Synkvakt spør på nytt når du kjem tilbake hit.
preview-title = Førehandsvising av reeksporten
preview-filter-user-id = Filtrer på brukar-ID
preview-filter-text = Filtrer på alle kolonnar
preview-counts = { $users ->
    [one] 1 brukar
   *[other] { $users } brukarar
} · { $values ->
    [one] 1 verdi
   *[other] { $values } verdiar
} · { $changes } vil endrast
preview-loading = lastar { $loaded } av { $total }
preview-column-user-id = Brukar-ID
preview-column-name = Namn
preview-column-attribute = Attributt
preview-column-current-value = Verdi no
preview-column-new-value = Verdi som blir skriven
preview-no-value = (ingen)
queue-title = Eksportkø
queue-empty = Eksportkøen er tom.
queue-users = { $users } brukarar
queue-progress = Framdrift for { $job }
queue-state-queued = I kø
queue-state-running = Køyrer
queue-state-completed = Fullført
queue-state-failed = Feila
queue-state-unknown = Ukjend status
queue-done = { $done } av { $total } verdiar ({ $percent } %)
queue-created = Lagd i kø kl. { $time }
queue-finished = ferdig kl. { $time }
refused-preview-incomplete = førehandsvisinga er ikkje ferdig lasta. Vent til alle radene er der, og utfør så.
refused-preview-changed = tala du stadfesta, er ikkje førehandsvisinga sine. Sjå på førehandsvisinga att og stadfest tala.
refused-scope = utvalet av brukarar er ikkje gyldig. Vel brukarane på nytt.
refused-empty-selection = ingen brukarar er valde. Legg til brukarar, eller vel alle brukarar.
refused-selection-too-large = eit utval kan ha høgst 10 000 brukarar. Vel alle brukarar, eller færre.
refused-no-such-template = tenanten har ikkje lenger denne malen eller mappingen. Opna reeksport-sida på nytt.
refused-preview-unsteady = dataa endra seg heile tida medan førehandsvisinga vart lasta. Vent til kunden er ferdig med syklusen, og opne førehandsvisinga på nytt.
refused-sent-reexport-gone = den reeksporten ventar ikkje lenger på svar: han kom i køen, eller vart avvist. Sjå i eksportkøen.
refused-sent-reexport-other-tenant = den reeksporten vart send til ein annan kunde. Vel den kunden, og send han på nytt der.
refused-sent-reexport-outdated = dataa er endra sidan den reeksporten vart stadfesta, og ingenting vart lagt i køen. Opne førehandsvisinga på nytt, og stadfest dei nye tala.
refused-preview-closed = den førehandsvisinga er lukka. Opna førehandsvisinga på nytt.

## Overvakaren: varsel og systemstatusfeltet

notify-tenant-number = Kunde { $number }
notify-tooltip = Synkvakt · { $tenant }: { $state }
notify-tooltip-unreachable = Synkvakt · { $tenant } svarar ikkje: { $why }
notify-tooltip-tenants = Synkvakt · { $count } kundar: { $attention ->
        [0] ingen treng merksemd
       *[other] { $attention } treng merksemd
    }, { $unreachable } svarar ikkje
notify-step-failed = { $tenant }: { $step } feila
notify-import-filter-stop = { $tenant }: importfilteret stoppa syklusen på { $step }
notify-step-overdue = { $tenant }: { $step } tek lengre tid enn vanleg
notify-unreachable = { $tenant } svarar ikkje
notify-manual-sync-completed = { $tenant }: den manuelle synkroniseringa er fullført
notify-recovered = { $tenant }: synkroniseringa er i orden att
notify-many-tenants = { $count } kundar: { $what }
notify-kind-step-failed = eit steg feila
notify-kind-import-filter-stop = importfilteret stoppa syklusen
notify-kind-step-overdue = eit steg tek lengre tid enn vanleg
notify-kind-unreachable = svarar ikkje
notify-kind-manual-sync-completed = den manuelle synkroniseringa er fullført
notify-kind-recovered = synkroniseringa er i orden att
notify-do-review-import = Opna Synkvakt for å sjå gjennom importen og ta opp att syklusen.
notify-do-support = Berre support kan hjelpe: opna Synkvakt og kopier detaljane til support.
notify-do-run-task = Opna Synkvakt for å køyre «{ $task }».
notify-do-open = Opna Synkvakt for å sjå kva du kan gjere.
notify-do-open-many = Opna Synkvakt for å sjå kva kundar det gjeld, og kva du kan gjere.
notify-do-unreachable = Synkvakt prøver att. Sjekk nettverkssambandet til tenesta.
notify-do-nothing-new = Ferske data er i målsystema.
notify-do-nothing = Du treng ikkje gjere noko meir.
notify-action-open = Opna
tray-open = Opna Synkvakt
tray-manual-sync = Manuell synkronisering …
tray-pause = Set varsel på pause i ein time
tray-resume = Slå på varsel att (sett på pause til { $time })
tray-start-at-login = Start overvakinga når eg loggar på
tray-support-mode = Supportmodus (for delt skjerm)
tray-quit = Avslutt Synkvakt

## Revisjonsloggen

audit-this-computer = denne datamaskina
audit-change-settings = Endra innstillinga { $setting } til { $value }
audit-run-task-manual-sync = Køyrde «{ $task }» på { $server } for ei manuell synkronisering
audit-run-task-nudge = Køyrde «{ $task }» på { $server } for å få { $step } vidare
audit-start-cycle = Starta ein ny syklus gjennom API-et til kunden
audit-clear-cache = Tømde mellomlageret
audit-resume-cycle = Tok opp att syklus { $cycle } etter importfilteret ({ $add } nye, { $edit } endra, { $delete } sletta)
audit-all-attributes = alle attributtar
audit-reexport-all = Reeksporterte { $what } i { $template } for alle { $users } brukarar ({ $values } verdiar)
audit-reexport-selection = Reeksporterte { $what } i { $template } for { $users } valde brukarar ({ $values } verdiar)
nav-audit = Revisjon
audit-heading = Revisjonslogg: kva som er gjort frå Synkvakt
audit-intro = Kvar handling som endrar noko utanfor Synkvakt, og kvar innstilling som er endra, med kven som gjorde det og korleis det gjekk. Nyaste først.
audit-search-label = Finn
audit-search-placeholder = Oppgåve, kunde, brukar eller detalj
audit-outcome-label = Utfall
audit-outcome-all = Alle utfall
audit-outcome-started = starta
audit-outcome-done = utført
audit-outcome-refused = avvist
audit-outcome-failed = feila
audit-col-time = Tid
audit-col-user = Brukar
audit-col-tenant = Kunde
audit-col-action = Handling
audit-col-outcome = Utfall
audit-app-itself = Synkvakt
audit-empty = Ingenting er gjort frå Synkvakt enno.
audit-none-match = Ingen oppføringar passar.
audit-count = { $shown } av { $matching } oppføringar
audit-more = Vis eldre oppføringar

## Kundar: profilar, nøkkelringen, nettverket

error-tls = Sertifikatet til { $url } kunne ikkje stadfestast.
error-tls-hint = Har nettverket eigen sertifikatutferdar eller ein proxy som inspiserer TLS, be IT om CA-sertifikatet: få det lagt til mellom dei klarerte rotsertifikata på denne maskina, eller oppgje det under Innstillingar → Nettverk.
error-proxy-auth = Proxyen mellom denne maskina og { $url } krev ei pålogging Synkvakt ikkje kan gje.
error-proxy-auth-hint = Proxyar som krev pålogging, med NTLM, Kerberos eller passord, er ikkje støtta: eit proxypassord måtte ha lege i ei fil, og Synkvakt lagrar løyndomar berre i nøkkelringen. Be IT sleppe adressa til tenesta gjennom proxyen utan pålogging.
error-preview-outdated = Dataa er endra sidan førehandsvisinga, og ingenting vart lagt i eksportkøen. Reeksporten ville no skrive { $values } verdiar for { $users } brukarar.
error-preview-outdated-hint = Førehandsvisinga under er lasta på nytt med dataa slik dei er no, òg kor mange verdiar som vert endra. Sjå over henne, og stadfest tala.
error-redirected = Tenesteadressa vidaresender til { $to }: rett adressa.
error-redirected-hint = Synkvakt sender API-nøkkelen berre til adressa i profilen, og API-et vidaresender aldri. Skriv adressa til sjølve tenesta i kundeprofilen (spør leverandøren om du er usikker på kva for ei det er).
error-extra-ca = Det ekstra CA-sertifikatet kan ikkje brukast: { $path }
error-extra-ca-hint = Oppgje ei PEM-fil (ho byrjar med -----BEGIN CERTIFICATE-----) som du har lov til å lese, eller tøm feltet.
error-keyring = Nøkkelringen på maskina kan ikkje brukast.
error-keyring-hint = Synkvakt lagrar API-nøklar og passord berre der (Windows Legitimasjonsbehandling, eller Secret Service på Linux), aldri i ei fil. Logg på skrivebordet igjen eller lås opp nøkkelringen, og prøv igjen.
error-no-api-key = Ingen API-nøkkel er lagra for { $tenant }.
error-no-api-key-hint = Opne Innstillingar, vel kunden og skriv inn API-nøkkelen.
error-no-tenant = Ingen kunde er vald enno.
error-no-tenant-hint = Legg til kunden dykkar under Innstillingar, eller opne demokunden for å sjå deg om.
error-tenant-switched = Ein annan kunde vart vald medan dette vart henta.
error-tenant-switched-hint = Synkvakt viser kunden som er vald no; ingenting frå den andre blir vist.
error-profile-not-found = Den kunden finst ikkje lenger i innstillingane.
error-profile-not-found-hint = Han kan vere fjerna i eit anna vindauge. Opne Innstillingar for å sjå kva kundar som finst.
error-invalid = { $field }: { $rule }
error-invalid-hint = Rett feltet og lagre igjen.
field-name = Visingsnamn
field-service-url = Tenesteadresse
field-tasks = Planlagde oppgåver
field-task-name = Oppgåvenamn
field-task-server = Serveren oppgåva ligg på
field-server-account = Konto for serverane
field-api-key = API-nøkkel
field-server-password = Passord for serverane
field-client-server = Klientserver
field-log-folder = Loggmappe
field-interval = Intervall mellom sjekkar
field-profiles = Kundar
field-demo-tenant = Demokunde
field-proxy = Proxy
field-search = Søk
field-extra-ca-file = Ekstra CA-sertifikat
rule-required = må fyllast ut
rule-too-long = kan vere høgst { $limit } teikn
rule-control-characters = kan ikkje innehalde kontrollteikn
rule-host = må vere eit servernamn: bokstavar, siffer, bindestrek og punktum
rule-at-least = må vere minst { $limit }
rule-at-most = kan vere høgst { $limit }
rule-url = må vere ei adresse som http://proxy.example.no:8080
rule-no-credentials = kan ikkje innehalde brukarnamn eller passord: Synkvakt lagrar løyndomar berre i nøkkelringen
rule-kept-for-another-address = vart lagra for ei anna tenesteadresse: skriv nøkkelen på nytt for å bruke han med denne
rule-kept-for-other-servers = vart lagra for andre serverar eller ein annan konto: skriv passordet på nytt for å bruke det med desse
refused-manual-sync-under-way = ei manuell synkronisering går føre seg. La henne gjere seg ferdig, eller gå ut av sjekklista først.
refused-open-tenant-gone = kunden dette galdt, finst ikkje lenger i innstillingane til Synkvakt, så steget vert ikkje leita etter i syklusen til ein annan kunde.
check-no-key = Ingen API-nøkkel: skriv inn nøkkelen til kunden for å teste han.
check-reachable-ok = Tenesta svarar.
check-reachable-failed = Får ikkje kontakt med tenesta.
check-tls-ok = Sertifikatet er gyldig og klarert.
check-tls-loopback = Vanleg http til denne maskina: ikkje noko sertifikat å sjekke.
check-tls-failed = Sertifikatet er ikkje klarert.
check-auth-ok = API-nøkkelen vert godteken.
check-auth-failed = API-nøkkelen vert avvist.
check-product-ok = Tenesta er { $found }, slik profilen seier.
check-product-other = Tenesta er { $found }, men profilen seier { $expected }.
check-product-not-api = Adressa svarar, men ikkje som API-et til { $expected }.
check-not-checked = Ikkje sjekka: ein sjekk før feila.
check-task-found = Oppgåva «{ $task }» finst.
check-task-not-here = Oppgåva «{ $task }» kan ikkje sjekkast frå denne maskina.
check-task-failed = Oppgåva «{ $task }» vart ikkje funnen eller kunne ikkje lesast.
overview-alert-failed = { $step } feila
overview-alert-stopped = { $step } stoppa
overview-alert-overdue = { $step } har gått over vanleg tid

## Innstillingar: kundeprofilane, første oppstart, oversikta over kundane

nav-tenants = Kundar
nav-settings = Innstillingar
header-tenants = vis alle kundane
tenant-in-view = vert vist no
open-demo-tenant = Opne demokunden
first-run-title = Velkomen til Synkvakt
first-run-intro = Synkvakt følgjer med på synkroniseringa hos eAdm- eller eFeide-kunden dykkar: han viser kvar ein syklus stoppa og kva de kan gjere med det. Legg til kunden dykkar for å byrje, eller opne demokunden for å sjå deg om først.
first-run-demo-note = Simulerte data, tydeleg merkte: ingenting du gjer der, når ein verkeleg kommune.
first-run-add = Legg til kunden dykkar
settings-heading = Innstillingar
settings-loading = Les innstillingane …
settings-no-profiles = Ingen kunde er lagd til enno.
settings-key-stored = API-nøkkel lagra
settings-no-key = Ingen API-nøkkel
settings-keyring-problem = Nøkkelringen kunne ikkje seie om ein nøkkel er lagra: { $problem }
settings-edit = Endre
settings-edit-label = Endre { $tenant }
settings-remove = Fjern
settings-remove-label = Fjern { $tenant }
settings-remove-confirm = Fjerne { $tenant } frå Synkvakt? Innstillingane, API-nøkkelen og passordet for serverane vert sletta frå denne maskina. Ingenting vert endra hos kunden sjølv.
settings-remove-yes = Fjern { $tenant }
settings-add = Legg til ein kunde
settings-add-heading = Legg til ein kunde
settings-edit-heading = Endre { $tenant }
settings-welcome = Vis velkomstsida
settings-demo-note = Demokunden køyrer på denne maskina med simulerte data, for å prøve Synkvakt og til opplæring.
settings-network-heading = Nettverk
settings-network-intro = Synkvakt stolar på sertifikata på denne maskina og brukar proxyinnstillingane hennar. Fyll ut dette berre viss IT seier at nettverket treng det.
settings-extra-ca-hint = Stien til ei PEM-fil som vert klarert i tillegg til sertifikata maskina har sjølv. Tomt: berre dei maskina har sjølv.
settings-proxy-hint = Tomt: proxyinnstillingane til systemet.
settings-network-save = Lagre nettverksinnstillingane
settings-network-saved = Nettverksinnstillingane er lagra.
profile-product = Produkt
profile-url-hint = https-adressa til tenesta, til dømes https://namn.example.no. Vanleg http er berre tillate til denne maskina.
profile-api-key-new = Vert lagra i nøkkelringen på denne maskina, aldri i ei fil.
profile-api-key-stored = Ein nøkkel er lagra. La feltet stå tomt for å halde på han, eller skriv inn ein ny nøkkel for å byte han ut.
profile-api-key-none = Ingen nøkkel er lagra. Skriv inn API-nøkkelen til kunden.
profile-api-key-moved = Adressa er endra: skriv nøkkelen på nytt. Ein lagra nøkkel vert berre send til adressa han vart lagra for.
profile-remove-api-key = Fjern den lagra API-nøkkelen
profile-client-heading = Serverane og oppgåvene til klienten
profile-client-server-hint = Serveren som klienten til leverandøren køyrer på, til dømes eadm-klient01.
profile-task-row = { $field }, rad { $number }
profile-task-remove = Fjern
profile-task-remove-label = Fjern oppgåve { $number }
profile-task-add = Legg til ei oppgåve
profile-tasks-hint = Serveren til ei oppgåve følgjer klientserveren eller domenekontrollaren over, til du skriv inn ein annan. Tomt: denne maskina.
profile-account-placeholder = DOMENE\brukar
profile-account-hint = Berre viss Windows-brukaren din ikkje har lov til å køyre oppgåver på serverane. Tomt: din eigen brukar.
profile-password-hint = Vert lagra i nøkkelringen på denne maskina, aldri i ei fil.
profile-password-stored = Eit passord er lagra. La feltet stå tomt for å halde på det, eller skriv inn eit nytt for å byte det ut.
profile-remove-password = Fjern det lagra passordet
profile-watch-heading = Overvaking
profile-interval = { $field } (sekund)
profile-watched = Overvak i systemstatusfeltet
profile-watched-hint = Overvakaren i systemstatusfeltet sjekkar kunden i bakgrunnen og varslar deg når synkroniseringa treng deg.
profile-test = Test tilkoplinga
profile-testing = Testar …
profile-save = Lagre
profile-report-heading = Test av tilkoplinga
profile-report-tenant = Tenesta kallar kunden «{ $name }».
check-outcome-passed = i orden
check-outcome-failed = feila
check-outcome-not-checked = ikkje sjekka
overview-heading = Kundar
overview-intro = Alle kundane Synkvakt overvakar, og den som vert vist no. Vel ein kunde for å sjå statusen.
overview-refresh = Oppdater
overview-loading = Spør kvar kunde …
overview-checked = Sjekka { $time }
overview-empty = Det er ingen kunde å vise. Legg til ein under Innstillingar.
overview-col-state = Status
overview-col-tenant = Kunde
overview-col-product = Produkt
overview-col-last-completed = Sist fullførte syklus
overview-col-attention = Treng merksemd
overview-unreachable = Får ikkje kontakt
overview-never = ingen i den siste historikken

## Loggmappa til klienten

error-log-folder-missing = Loggmappa eller -fila finst ikkje: { $folder }
error-log-folder-missing-hint = Kontroller loggmappa i innstillingane for kunden (ofte C:\eadm\loggfiler på klientserveren), og at klientserveren er oppgjeven, slik at han vert nådd gjennom administrasjonsressursen.
error-log-folder-denied = Du har ikkje lov til å lese { $folder }.
error-log-folder-denied-hint = For å lese administrasjonsressursen på klientserveren (\\server\c$) trengst ein konto som er administrator der. Spør IT, eller les loggen på serveren sjølv.
error-log-file-locked = Eit anna program held { $folder } og lèt ingen lese ho.
error-log-file-locked-hint = Prøv igjen om litt; klienten slepper vanlegvis loggen når ei køyring er ferdig.
error-log-folder-unreachable = Får ikkje kontakt med { $folder }.
error-log-folder-unreachable-hint = Klientserveren kan vere slått av, eller nettverket imellom sperra (administrasjonsressursen brukar SMB, port 445). Sjekk at du kan opne mappa i Utforskar.
field-log-file = Loggfil
rule-file-name = må vere namnet på ei fil i loggmappa

## Diagnosepakken

bundle-part-app = Synkvakt og denne maskina
bundle-part-tenant = Kunden (utan nøkkel)
bundle-part-cycles = Gjeldande og siste syklusar
bundle-part-tasks = Status og siste resultat for dei planlagde oppgåvene
bundle-part-client-log = Slutten av klientloggen { $file }
bundle-part-client-logs-missing = Loggmappa til klienten (ikkje lesen)
bundle-part-event-log = Windows Hendingslogg, Program, siste 24 timar
bundle-part-app-log = Loggen til Synkvakt sjølv
bundle-part-audit = Revisjonsloggen til Synkvakt
bundle-summary = Synkvakt { $version } på { $os }. Kunde: { $tenant } ({ $product }). Synkronisering: { $headline }. { $step } Feil i dei nyaste klientloggane: { $errors }. Samla { $time }.
refused-bundle-gone = denne pakken er ikkje lenger den som vart vist. Samle han på nytt, sjå gjennom han, og lagre.

## Supportmodus, klientloggane og diagnose i vindauget

support-mode-toggle = Supportmodus
support-mode-hint = For delt skjerm: større tekst og sterkare kontrast, og namn, fødselsnummer og e-postadresser maskerte.
support-mode-badge = Supportmodus: personopplysningar skjulte
nav-client-logs = Klientloggar
nav-diagnostics = Diagnose
size-unknown = ukjend storleik
line-error = Feil
line-warning = Åtvaring
client-logs-heading = Loggfilene til klienten
client-logs-intro = Dei nyaste filene i loggmappa til klienten. Berre slutten av ei fil vert lesen, så sjølv ein svært stor logg opnar seg med ein gong, og nye linjer dukkar opp etter kvart som klienten skriv dei.
client-logs-loading = Les loggmappa …
client-logs-files = Filer, nyaste først
client-logs-refresh = Oppdater lista
client-logs-empty = Mappa har ingen filer.
client-logs-search-label = Finn i fila
client-logs-search-placeholder = Eit ord, t.d. Export
client-logs-follow = Følg nye linjer
client-logs-reading = Les fila …
client-logs-encoding = Teiknkoding: { $encoding }
client-logs-tail = viser slutten av fila ({ $size } i alt)
client-logs-counts = { $errors ->
    [one] 1 feil
   *[other] { $errors } feil
}, { $warnings ->
    [one] 1 åtvaring
   *[other] { $warnings } åtvaringar
}
client-logs-none-match = Ingen linjer inneheld desse orda.
client-logs-no-lines = Fila har ingen linjer enno.
client-logs-lines = Linjene i { $file }
diagnostics-heading = Diagnose for support
diagnostics-intro = Eitt klikk samlar det support spør etter: versjonen av Synkvakt og operativsystemet, kunden (utan nøkkel), gjeldande og siste syklusar, dei planlagde oppgåvene, slutten av dei nyaste klientloggane, Windows Hendingslogg for dei siste 24 timane, og loggen og revisjonsloggen til Synkvakt sjølv. Sjå gjennom pakken, lagre han og send han til support.
diagnostics-privacy = Ingenting vert skrive til disk før du lagrar, og då berre der du vel. Namn, fødselsnummer og e-postadresser er maskerte i pakken.
diagnostics-gather = Samle diagnose
diagnostics-gather-again = Samle på nytt
diagnostics-gathering = Samlar … { $elapsed }
diagnostics-contents = Dette inneheld pakken
diagnostics-size = { $parts ->
    [one] 1 fil
   *[other] { $parts } filer
}, { $size } i alt, samla { $time }. Opne ei fil for å sjå teksten.
diagnostics-part-errors = { $count ->
    [one] 1 feillinje
   *[other] { $count } feillinjer
}
diagnostics-part-text = Teksten i { $file }
diagnostics-save = Lagre som zip …
diagnostics-saved = Lagra i { $path }
diagnostics-copy-summary = Kopier samandrag
diagnostics-copied = Samandraget er kopiert. Lim det inn i saka til support.
diagnostics-copy-failed = Kunne ikkje kopiere. Merk samandraget under og kopier det sjølv.
about-eadm-other-export = Sender endringane til eit anna målsystem som denne kunden har.
about-no-new-cycle = Alle stega i den siste syklusen er fullførte.
waits-for-client-task = Dette steget ventar på at den planlagde oppgåva «{ $task }» på { $server } leverer det steget treng.
waits-for-domain-controller-task = Når steget ventar, er det ei planlagd oppgåve på domenekontrollaren som hentar eksporten: typisk «{ $task }», på { $server }.
remedy-run-task-dc = Køyr den planlagde oppgåva «{ $task }» på domenekontrollaren i domenet det gjeld ({ $server }), i Oppgaveplanleggingsbibliotek der, og vent til statusen er Klar igjen.
remedy-run-task-dc-not-here = Denne profilen lèt ikkje Synkvakt køyre oppgåver på ein domenekontrollar frå denne maskina: køyr ho der, eller be den som driftar han.
remedy-manual-sync = Køyr synkroniseringsoppgåva «{ $task }» på { $server } med Manuell synkronisering: ho sjekkar først at den siste syklusen er fullført.
remedy-support-if-no-help = Hjelper ikkje dette, kontakt support, og kopier detaljane til dei.
remedy-support-if-unsure = Er du usikker, kontakt support før du tek opp att.
remedy-support-if-other-cause = Har syklusen stansa av ein annan grunn, kontakt support, og kopier detaljane til dei.
remedy-school-promotion-link = Rettleiinga for skuleopprykk (blir opna i nettlesaren)
situation-no-new-cycle = Dette kan du gjere
open-manual-sync = Opne Manuell synkronisering
error-browser = Nettlesaren opna ikkje { $url }.
error-browser-hint = Kopier adressa inn i nettlesaren sjølv.
refusal-full-cycle-running = ein full syklus ({ $cycle }) køyrer. Start aldri ein ny over han: vent til han er fullført, og start så på nytt.
refusal-delta-runs-long = deltasyklusen { $cycle } har køyrt i { $minutes } min, lenger enn vanleg. Synkvakt slutta å vente på han: sjå på statusen, og start på nytt når han er fullført.
refusal-step-not-completed = den siste syklusen er merkt fullført, men { $step } er { $state }, ikkje fullført. Ikkje start ein ny: sjå på statusen, og kontakt support viss du er usikker.
refusal-task-state-unreadable = Oppgaveplanlegging melde ikkje oppgåva som Klar, så Synkvakt kan ikkje sjå om ho køyrer. Sjekk statusen til oppgåva i Oppgaveplanlegging på serveren, og start så på nytt.
refusal-domain-controller = «{ $task }» ligg på ein domenekontrollar, og denne profilen lèt ikkje Synkvakt køyre oppgåver der. Køyr ho på domenekontrollaren sjølv, eller be den som driftar han.
last-result-unknown = kan ikkje lesast her: Oppgaveplanlegging her gir det ikkje
last-result-succeeded = gjekk bra (kode { $code })
last-result-still-running = er ikkje ferdig: oppgåva køyrer framleis (kode { $code })
last-result-never-run = er ikkje registrert: oppgåva har ikkje køyrt enno (kode { $code })
last-result-terminated = vart stoppa før ho var ferdig (kode { $code })
last-result-disabled = kom ikkje i gang: oppgåva er deaktivert (kode { $code })
last-result-failed = feila med kode { $code }: programmet oppgåva køyrer, gav han, og loggen seier kvifor
checklist-task-failed = «{ $task }» er Klar igjen, men den siste køyringa { $result }. Ingenting meir vart gjort. Les Hendelsesliste (Windows-logger > Program) på { $server } og loggmappa { $folder }; forklarer dei det ikkje, kontakt support.
checklist-task-failed-no-folder = «{ $task }» på { $server } er Klar igjen, men den siste køyringa { $result }. Ingenting meir vart gjort: kontakt support, og kopier detaljane til dei.
checklist-no-new-cycle = Ingen ny syklus dukka opp innan { $minutes } min etter at «{ $task }» var ferdig. Den siste køyringa { $result }. Les Hendelsesliste (Windows-logger > Program) på { $server } og loggmappa { $folder }; forklarer dei det ikkje, kontakt support.
checklist-no-new-cycle-no-folder = Ingen ny syklus dukka opp innan { $minutes } min etter at «{ $task }» på { $server } var ferdig. Den siste køyringa { $result }. Kontakt support, og kopier detaljane til dei.
checklist-no-new-cycle-api = Ingen ny syklus dukka opp innan { $minutes } min etter at tenesta tok imot starten. Kontakt support, og kopier detaljane til dei.
checklist-cache-by-service = Synkvakt tømde mellomlageret ditt i nettportalen gjennom tenesta.
checklist-cache-in-portal = Denne tenesta kan ikkje tømme det for deg. I nettportalen: klikk på profilikonet øvst til høgre, vel Settings og så Clear Cache; kryss så av under.
checklist-cache-tick = Eg har tømt mellomlageret i portalen
checklist-cache-ticked = Du tømde mellomlageret i portalen.
manual-sync-run-task = Køyr «{ $task }» på { $server }
manual-sync-run-api = Start ein ny syklus gjennom tenesta
manual-sync-outcome-task-failed = Køyringa av den planlagde oppgåva feila. Det andre punktet seier kva ho returnerte og kva du bør sjekke.
manual-sync-outcome-no-new-cycle = Ingen ny syklus dukka opp. Det siste punktet seier kva du bør sjekke.
no-new-cycle-warning = Ingen ny syklus har starta sidan { $when }. Her startar neste fulle syklus vanlegvis innan { $due }.
no-new-cycle-warning-default = Ingen ny syklus har starta sidan { $when }, og profilen tillèt { $limit } mellom syklusane til Synkvakt har sett ei veke av dei.
no-new-cycle-short = Ingen ny syklus
notify-no-new-cycle = { $tenant }: ingen ny syklus sidan { $since }
notify-kind-no-new-cycle = ingen ny syklus innan det vanlege mellomrommet
notify-do-no-new-cycle = Opne Synkvakt for å køyre synkroniseringsoppgåva med Manuell synkronisering.
overview-alert-no-new-cycle = Ingen ny syklus på { $hours } t
field-new-cycle-hours = Ingen ny syklus etter
profile-new-cycle-hours = { $field } (timar, til Synkvakt har sett ei veke med syklusar og lærer det vanlege mellomrommet)
field-new-cycle-wait = Manuell synkronisering ventar på den nye syklusen
profile-new-cycle-wait = { $field } (minutt etter at oppgåva er ferdig)
field-domain-controllers = Domenekontrollarar
profile-domain-controllers-hint = For eFeide: domenekontrollaren i kvart domene der ei oppgåve hentar Export AD, skilde med komma.
field-allow-domain-controller-tasks = Lat Synkvakt køyre oppgåver på domenekontrollarane frå denne maskina
profile-allow-domain-controller-tasks-hint = Av med mindre organisasjonen din tillèt det: ein arbeidsstasjon som kan køyre oppgåver på ein domenekontrollar, har domeneadmin-rettar.
field-task-role = Rolle
nudge-not-moved-no-folder = { $step } flytta seg ikkje etter at oppgåva på { $machine } køyrde: kontakt support, og kopier detaljane til dei.
nudge-button-on = Køyr «{ $task }» på { $server }
demo-scenario-no-new-cycle = ingen ny syklus startar
about-no-new-cycle-resumed = Den siste syklusen vart teken opp att etter ein stopp i importfilteret og er ferdig.
check-task-dc-not-allowed = Oppgåva «{ $task }» ligg på ein domenekontrollar, og denne profilen tillèt ikkje at denne arbeidsstasjonen når oppgåver der: ikkje sjekka.
waits-for-domain-controller-task-assigned = Når steget ventar, er det ei planlagd oppgåve på domenekontrollaren som hentar eksporten: { $tasks }.
task-on-server = «{ $task }» på { $server }
task-quoted = «{ $task }»
