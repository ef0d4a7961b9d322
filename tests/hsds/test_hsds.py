"""The Open Referral HSDS 3.0 export and API, checked by an independent validator: Debian's
python3-jsonschema (Draft 2020-12, with format checking) against the official schemas in
../shared/hsds-schema/3.0 beside the repository. The CLI export in both languages, and
every /hsds/ endpoint of a real server: pages and their edges, items, errors."""
import datetime
import json
import os
import shutil
import sys
import tempfile
import unittest
import zoneinfo
from urllib.parse import quote

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../.."))
sys.path.insert(0, os.path.join(HERE, "../integration"))
from server_process import ServerProcess, run_cli  # noqa: E402

SCHEMAS = os.path.normpath(os.path.join(ROOT, "..", "shared", "hsds-schema", "3.0"))
OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
LANGS = ("nl", "en")
PAGE_FIELDS = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")


def load(name):
    path = os.path.join(SCHEMAS, name)
    if not os.path.exists(path):
        raise FileNotFoundError(
            "the HSDS schemas are missing: expected %s (CI puts shared/ beside the clone)" % path)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


FORMATS = jsonschema.FormatChecker()


def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


class Schemas:
    """The official schemas, loaded once (organization.json is 3.4 MB)."""
    _cache = {}

    @classmethod
    def get(cls, name):
        if name not in cls._cache:
            if name == "root":
                openapi = load("openapi.json")
                schema = openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            elif name.startswith("page:"):
                openapi = load("openapi.json")
                schema = {
                    "allOf": [openapi["components"]["schemas"]["Page"]],
                    "type": "object",
                    "required": list(PAGE_FIELDS) + ["contents"],
                    "properties": {"contents": {"type": "array", "items": load("compiled/" + name[5:])}},
                }
            else:
                schema = load("compiled/" + name)
            cls._cache[name] = validator(schema)
        return cls._cache[name]


def errors(schema_name, instance):
    found = sorted(Schemas.get(schema_name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message) for e in found[:10]]


def embedded_directory():
    with open(os.path.join(ROOT, "directory-data/directory.json"), encoding="utf-8") as f:
        return json.load(f)


def shown_to_residents(detail, org):
    """domain/freshness.h: verified, and re-checked within 30 (crisis lines) or 180 days plus
    60 days of grace. The CLI export is what residents would be shown today."""
    if not detail.get("verified", False):
        return False
    recheck = 30 if org.get("crisis_line", False) else 180
    checked = datetime.date.fromisoformat(detail["checked"])
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
    return today <= checked + datetime.timedelta(days=recheck + 60)


def embedded_services():
    """Each service of the real directory by id, with its organisation."""
    return {s["id"]: (s, o) for o in embedded_directory()["organizations"] for s in o["services"]}


def walk(value, path=""):
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + "." + key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, "%s[%d]" % (path, i))


class HsdsAssertions(unittest.TestCase):
    def assertValid(self, schema_name, instance, what):
        problems = errors(schema_name, instance)
        self.assertEqual(problems, [], "%s does not validate against %s" % (what, schema_name))

    def assertPublishable(self, document, what):
        """Empty values omitted; nothing staff-only or unverified; provenance only as HSDS
        attributes and metadata (never our own fields); no address of any kind."""
        for path, value in walk(document):
            self.assertIsNotNone(value, "%s%s is null" % (what, path))
            self.assertNotIn(value, ("", [], {}), "%s%s is empty" % (what, path))
            key = path.rsplit(".", 1)[-1]
            self.assertNotIn(key, ("verified", "todo", "source", "source_url", "source_date", "checked", "checked_by",
                                   "facts", "usually", "addresses", "locations", "service_at_locations",
                                   "latitude", "longitude"), "%s%s must not be published" % (what, path))
            if key == "assured_date":
                self.assertRegex(value, r"^\d{4}-\d{2}-\d{2}$", "%s%s" % (what, path))


class FormatChecking(unittest.TestCase):
    """Guards the guard: the formats HSDS uses are really checked, and a wrong document fails."""

    def test_the_formats_hsds_uses_are_checked(self):
        for fmt in ("uri", "uuid", "email"):
            self.assertIn(fmt, FORMATS.checkers, "python3-jsonschema cannot check %s here (python3-rfc3987 missing?)" % fmt)

    def test_a_wrong_organization_fails(self):
        bad = {"id": "not-a-uuid", "name": "X", "description": "Y", "website": "veiligthuis.nl",
               "services": [{"id": "5f0c2a3e-8d1b-4c6e-9f7a-1b2c3d4e5f6a", "name": "S", "status": "open"}]}
        problems = " ".join(errors("organization.json", bad))
        self.assertIn("not-a-uuid", problems)
        self.assertIn("veiligthuis.nl", problems)
        self.assertIn("open", problems)
        self.assertTrue(errors("organization.json", {"id": "5f0c2a3e-8d1b-4c6e-9f7a-1b2c3d4e5f6a", "name": "X"}))


class CliExport(HsdsAssertions):
    def export(self, *args):
        result = run_cli("directory", "export", "--format", "hsds", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_every_organization_validates_in_both_languages(self):
        embedded = embedded_directory()
        for lang in LANGS:
            with self.subTest(lang=lang):
                document = self.export("--lang", lang)
                self.assertIsInstance(document, list)
                self.assertEqual([o["id"] for o in document], [o["id"] for o in embedded["organizations"]])
                for org in document:
                    self.assertValid("organization.json", org, "organization %s (%s)" % (org["id"], lang))
                self.assertPublishable(document, "export(%s)" % lang)
                ids = [v for p, v in walk(document) if p.endswith(".id")]
                self.assertEqual(len(ids), len(set(ids)), "ids must be unique in the document")
                names = {o["id"]: o["name"] for o in document}
                self.assertEqual(names["689cdc35-3a76-40f2-921d-d41b27ffd19a"],
                                 {"nl": "Veilig Thuis", "en": "Veilig Thuis (Safe at Home)"}[lang])

    def test_default_language_is_dutch_and_output_is_stable(self):
        self.assertEqual(self.export(), self.export("--lang", "nl"))

    def test_unverified_details_never_leave(self):
        embedded = embedded_directory()
        hidden = []
        for org in embedded["organizations"]:
            for service in org["services"]:
                hidden += [p["number"] for p in service["phones"] if not p["verified"]]
        self.assertTrue(hidden, "the real directory has an unverified number (De Kindertelefoon's)")
        text = json.dumps(self.export("--lang", "nl"))
        for number in hidden:
            self.assertNotIn(number, text)

    def test_a_services_facts_leave_only_with_a_verified_source(self):
        """Hours, schedules and languages are facts of a service with a source of their own;
        without a verified one none of them is exported. Languages only where listed."""
        embedded = embedded_services()
        for lang in LANGS:
            for org in self.export("--lang", lang):
                for service in org.get("services", []):
                    ours, our_org = embedded[service["id"]]
                    facts_shown = shown_to_residents(ours.get("facts", {}), our_org)
                    with self.subTest(service=service["id"], lang=lang):
                        phone_hours = [s for s in service.get("schedules", []) if "attending_type" not in s]
                        if not facts_shown:
                            self.assertEqual(phone_hours, [])
                            self.assertNotIn("languages", service)
                        elif "hours" in ours:
                            self.assertTrue(phone_hours)
                            self.assertEqual({s["description"] for s in phone_hours}, {ours["hours"][lang]})
                        codes = [language["code"] for language in service.get("languages", [])]
                        self.assertEqual(codes, ours.get("languages", []) if facts_shown else [])
                        chat = ours.get("chat", {})
                        if shown_to_residents(chat, our_org):
                            self.assertEqual(service["url"], chat["url"])
                        else:
                            self.assertNotIn("url", service)
                            self.assertFalse([s for s in service.get("schedules", []) if "attending_type" in s])
        helpwanted_id = "0d0858dc-a296-4bc3-9687-6a50e5e53d37"
        helpwanted = [s for o in self.export("--lang", "en") for s in o.get("services", []) if s["id"] == helpwanted_id]
        ours, our_org = embedded[helpwanted_id]
        if shown_to_residents(ours["facts"], our_org):
            self.assertEqual([language["name"] for language in helpwanted[0]["languages"]], ["Dutch", "English"])

    def test_every_phone_chat_and_website_names_its_source_and_check(self):
        for org in self.export("--lang", "nl"):
            records = [(org, "website", org.get("website"))]
            for service in org.get("services", []):
                records.append((service, "chat", service.get("url")))
                records += [(phone, "phone", phone["number"]) for phone in service.get("phones", [])]
            for record, entity, value in records:
                if value is None:
                    continue
                with self.subTest(org=org["name"], entity=entity):
                    sources = [a for a in record.get("attributes", []) if a["link_entity"] == entity]
                    self.assertEqual(len(sources), 1, record)
                    self.assertEqual(sources[0]["link_type"], "source_url")
                    self.assertRegex(sources[0]["value"], r"^https://[^/]+\.[a-z]{2,}/")
                    checks = [m for m in record.get("metadata", []) if m["resource_type"] == entity]
                    self.assertEqual(len(checks), 1, record)
                    self.assertRegex(checks[0]["last_action_date"], r"^\d{4}-\d{2}-\d{2}$")
                    self.assertEqual(checks[0]["replacement_value"], value)

    def test_assured_date_is_the_oldest_check_of_what_is_published(self):
        embedded = embedded_services()
        for org in self.export("--lang", "nl"):
            for service in org.get("services", []):
                ours = embedded[service["id"]][0]
                published = [p for p in ours["phones"] if p["verified"] and p["number"] in
                             {x["number"] for x in service.get("phones", [])}]
                if "url" in service:
                    published.append(ours["chat"])
                if [s for s in service.get("schedules", []) if "attending_type" not in s] or "languages" in service:
                    published.append(ours["facts"])
                with self.subTest(service=service["id"]):
                    if published:
                        self.assertEqual(service["assured_date"], min(d["checked"] for d in published))
                    else:
                        self.assertNotIn("assured_date", service)

    def test_export_from_a_data_folder_matches_what_it_serves(self):
        data = tempfile.mkdtemp(prefix="hw-hsds-")
        try:
            with ServerProcess(data_dir=data) as server:
                while_running = self.export("--data", data, "--lang", "en")  # the server may be running
                response = server.get("/hsds/organizations?full=true&per_page=100&lang=en")
                self.assertEqual(response.status, 200, "is HandleHsds wired into server/http/routes.cpp?")
                served = response.json()["contents"]
            self.assertEqual(while_running, served)
            self.assertEqual(while_running, self.export("--lang", "en"))  # seeded from the embedded data
        finally:
            shutil.rmtree(data, ignore_errors=True)

    def test_usage_errors(self):
        missing = tempfile.mkdtemp(prefix="hw-hsds-none-")
        cases = [
            (["directory", "export"], 64, "--format hsds"),
            (["directory", "export", "--format", "csv"], 64, "--format hsds"),
            (["directory", "export", "--format", "hsds", "--lang", "de"], 64, "nl or en"),
            (["directory", "export", "--format", "hsds", "--directory", "x.json"], 64, "unknown option --directory"),
            (["directory", "validate", "--lang", "en"], 64, "unknown option --lang"),
            (["directory", "export", "--format", "hsds", "--data", missing], 66, "no database"),
        ]
        for args, code, message in cases:
            with self.subTest(args=args):
                result = run_cli(*args)
                self.assertEqual(result.returncode, code, result.stderr)
                self.assertIn(message, result.stderr)
                self.assertEqual(result.stdout, "")
        self.assertEqual(os.listdir(missing), [], "export must not create a database")
        self.assertEqual(run_cli("directory", "validate").returncode, 0)


class Api(HsdsAssertions):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess()
        cls.server.start()
        root = cls.server.get("/hsds/")
        if root.status == 404:
            cls.server.stop()
            raise AssertionError("GET /hsds/ is 404: HandleHsds is not wired into server/http/routes.cpp")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def get_json(self, path, status=200):
        response = self.server.get(path)
        self.assertEqual(response.status, status, "%s: %s" % (path, response.body[:300]))
        self.assertEqual(response.header("content-type"), "application/json")
        return response.json()

    def pages(self, path, per_page):
        """Every page of a listing, checking each against the schema and the page rules."""
        contents, number = [], 1
        while True:
            sep = "&" if "?" in path else "?"
            page = self.get_json("%s%spage=%d&per_page=%d" % (path, sep, number, per_page))
            yield page
            self.assertEqual(page["page_number"], number)
            self.assertEqual(page["first_page"], number == 1)
            self.assertEqual(page["size"], len(page["contents"]))
            self.assertLessEqual(page["size"], per_page)
            contents += page["contents"]
            if page["last_page"]:
                self.assertEqual(page["total_pages"], number)
                self.assertEqual(len(contents), page["total_items"])
                return
            self.assertEqual(page["size"], per_page)
            number += 1

    def test_root(self):
        response = self.server.get("/hsds/")
        self.assertEqual(response.header("cache-control"), "no-cache")
        root = response.json()
        self.assertValid("root", root, "GET /hsds/")
        self.assertEqual(root["version"], "3.0")
        for key in ("profile", "openapi_url"):  # only with an absolute URL (format uri)
            if key in root:
                self.assertTrue(root[key].startswith("https://"), root[key])

    def test_openapi_describes_what_is_served_with_the_official_schemas(self):
        openapi = self.get_json("/hsds/openapi.json")
        self.assertEqual(openapi["openapi"], "3.1.0")
        self.assertEqual(sorted(openapi["paths"]),
                         ["/", "/organizations", "/organizations/{id}", "/services", "/services/{id}"])
        refs = [v for p, v in walk(openapi) if p.endswith(".$ref") and v.startswith("https://")]
        self.assertTrue(refs)
        for ref in refs:
            self.assertTrue(ref.startswith(OFFICIAL + "compiled/"), ref)
            self.assertTrue(os.path.exists(os.path.join(SCHEMAS, ref[len(OFFICIAL):])), ref)

    def test_service_pages_and_every_service(self):
        for lang in LANGS:
            seen = []
            for page in self.pages("/hsds/services?lang=%s" % lang, per_page=3):
                self.assertValid("page:service_list.json", page, "GET /hsds/services page %d (%s)" % (page["page_number"], lang))
                self.assertPublishable(page, "services page")
                seen += [item["id"] for item in page["contents"]]
            self.assertEqual(len(seen), len(set(seen)))
            self.assertGreater(len(seen), 5)
            for service_id in seen:
                service = self.get_json("/hsds/services/%s?lang=%s" % (service_id, lang))
                self.assertValid("service.json", service, "GET /hsds/services/%s (%s)" % (service_id, lang))
                self.assertPublishable(service, "service")
                self.assertEqual(service["id"], service_id)
                self.assertIn("organization", service)

    def test_organization_pages_and_every_organization(self):
        for lang in LANGS:
            exported = json.loads(run_cli("directory", "export", "--format", "hsds", "--lang", lang).stdout)
            seen = []
            for page in self.pages("/hsds/organizations?lang=%s" % lang, per_page=5):
                self.assertValid("page:organization_list.json", page, "GET /hsds/organizations (%s)" % lang)
                seen += [item["id"] for item in page["contents"]]
            self.assertEqual(seen, [o["id"] for o in exported])
            for org in exported:
                served = self.get_json("/hsds/organizations/%s?lang=%s" % (org["id"], lang))
                self.assertValid("organization.json", served, "GET /hsds/organizations/%s (%s)" % (org["id"], lang))
                self.assertEqual(served, org, "the API and the CLI export must agree")

    def test_full_listings_validate_as_full_objects(self):
        services = self.get_json("/hsds/services?full=true&per_page=100")
        self.assertValid("page:service.json", services, "GET /hsds/services?full=true")
        orgs = self.get_json("/hsds/organizations?full=true&per_page=100&lang=en")
        self.assertValid("page:organization.json", orgs, "GET /hsds/organizations?full=true")

    def test_page_edges(self):
        total = self.get_json("/hsds/services")["total_items"]
        one_page = self.get_json("/hsds/services?per_page=%d" % total)
        self.assertEqual((one_page["total_pages"], one_page["first_page"], one_page["last_page"]), (1, True, True))
        past = self.get_json("/hsds/services?page=%d&per_page=%d" % (2, total))
        self.assertValid("page:service_list.json", past, "a page after the last")
        self.assertEqual((past["empty"], past["size"], past["contents"], past["last_page"]), (True, 0, [], True))
        capped = self.get_json("/hsds/services?per_page=1000")
        self.assertEqual(capped["size"], min(total, 100))
        default = self.get_json("/hsds/organizations")
        self.assertEqual(default["page_number"], 1)
        single = self.get_json("/hsds/organizations?per_page=1&page=2")
        self.assertEqual((single["size"], single["first_page"], single["total_pages"]),
                         (1, False, default["total_items"]))

    def test_search_and_filters(self):
        found = self.get_json("/hsds/organizations?search=%s&lang=en" % quote("SEXUAL VIOLENCE"))
        self.assertValid("page:organization_list.json", found, "search")
        self.assertGreaterEqual(found["total_items"], 1)
        for org in found["contents"]:
            self.assertIn("sexual violence", (org["name"] + " " + org.get("description", "")).lower())
        nothing = self.get_json("/hsds/services?search=zzzzzz")
        self.assertValid("page:service_list.json", nothing, "an empty search")
        self.assertEqual((nothing["total_items"], nothing["total_pages"], nothing["empty"]), (0, 0, True))
        vt = self.get_json("/hsds/services?organization_id=689cdc35-3a76-40f2-921d-d41b27ffd19a")
        self.assertEqual([s["organization_id"] for s in vt["contents"]], ["689cdc35-3a76-40f2-921d-d41b27ffd19a"])

    def test_bad_parameters_are_400_naming_them(self):
        cases = [("/hsds/services?page=0", "page"), ("/hsds/services?page=abc", "page"),
                 ("/hsds/services?per_page=0", "per_page"), ("/hsds/services?per_page=-5", "per_page"),
                 ("/hsds/organizations?lang=de", "lang"), ("/hsds/services?full=yes", "full"),
                 ("/hsds/services?format=ndjson", "format"), ("/hsds/services?taxonomy_term_id=x", "taxonomy_term_id"),
                 ("/hsds/organizations?organization_id=x", "organization_id"),
                 ("/hsds/services/c5289553-1505-4fee-9c7d-56ced1a45f93?page=1", "page")]
        for path, field in cases:
            with self.subTest(path=path):
                error = self.get_json(path, status=400)["error"]
                self.assertEqual(error["field"], field)
                self.assertTrue(error["code"] and error["message"])

    def test_unknown_ids_and_paths_are_404(self):
        for path in ("/hsds/services/00000000-0000-4000-8000-000000000000", "/hsds/services/nope",
                     "/hsds/organizations/c5289553-1505-4fee-9c7d-56ced1a45f93", "/hsds/taxonomies"):
            with self.subTest(path=path):
                error = self.get_json(path, status=404)["error"]
                self.assertEqual(error["code"], "not_found")

    def test_methods_head_etag(self):
        post = self.server.request("POST", "/hsds/services", {"Content-Type": "application/json"}, b"{}")
        self.assertEqual(post.status, 405)
        get = self.server.get("/hsds/services")
        head = self.server.request("HEAD", "/hsds/services")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")
        self.assertEqual(head.header("etag"), get.header("etag"))
        self.assertEqual(self.server.get("/hsds/services", If_None_Match=get.header("etag")).status, 304)


if __name__ == "__main__":
    unittest.main()
