"""The directory editor over the real binary: drafts with validation, publish with an
atomic switch (residents' ETags change), diff, restore, two editors at once, the preview,
attention items, the audit log, and who may do it."""
import datetime
import json
import os
import sqlite3
import tempfile
import unittest
import zoneinfo

from server_process import ServerProcess, run_cli
from test_contact_requests import FAST, Staff, demo


def amsterdam_today():
    """The server's day: Amsterdam's, which is already tomorrow in the last hour or two of a UTC day."""
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()


class EditorCase(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(prefix="hw-editor-")
        self.accounts = demo(self.data)
        self.server = ServerProcess(data_dir=self.data, env=FAST).__enter__()
        self.editor = Staff(self.server, self.accounts["editor"])

    def tearDown(self):
        self.server.stop()

    def draft(self, who=None):
        response = (who or self.editor).call("GET", "directory/draft")
        self.assertEqual(response.status, 200, response.body)
        return response.json()

    def vt_chat(self, directory):
        org = [o for o in directory["organizations"] if o["key"] == "veilig-thuis"][0]
        return org["services"][0]["chat"]

    def new_check(self, detail, who="Anna (communicatie)"):
        """What an editor records after checking a detail against its source today."""
        detail.update({"checked": amsterdam_today().isoformat(), "checked_by": who, "verified": True})

    def test_change_chat_hours_preview_publish_and_residents_see_it(self):
        before = self.server.get("/api/v1/directory")
        draft = self.draft()
        self.assertEqual(draft["issues"], [])
        chat = self.vt_chat(draft["directory"])
        chat["schedule"] = [{"days": ["MO", "TU", "WE", "TH", "FR"], "opens": "08:00", "closes": "20:00"}]
        self.new_check(chat)  # an edit is not a check: this one records who checked it, and when
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
        self.assertEqual(saved.status, 200, saved.body)
        self.assertEqual(saved.json()["revision"], draft["revision"] + 1)
        self.assertEqual(saved.json()["unticked"], [])

        preview = self.editor.call("GET", "/staff/preview/api/v1/directory")
        self.assertEqual(preview.status, 200, preview.body)
        self.assertIn("20:00", preview.body.decode())
        page = self.editor.call("GET", "/staff/preview/")
        self.assertEqual(page.status, 200)
        self.assertIn(b'data-api-base="/staff/preview"', page.body)
        self.assertIn("Voorbeeld, niet gepubliceerd", page.body.decode())
        self.assertNotIn("Voorbeeld, niet gepubliceerd", self.server.get("/").body.decode())
        self.assertEqual(page.header("cache-control"), "no-store")
        self.assertNotIn("20:00", self.server.get("/api/v1/directory").body.decode())  # not live yet

        # Veilig Thuis is a crisis line: a second editor approves first.
        refused = self.editor.call("POST", "directory/publish", {"revision": saved.json()["revision"], "note": "chat tot 20 uur"})
        self.assertEqual(refused.status, 409, refused.body)
        self.assertEqual(refused.json()["error"]["code"], "approval_required")
        second = Staff(self.server, self.accounts["editor2"])
        self.assertEqual(second.call("POST", "directory/approve", {"revision": saved.json()["revision"]}).status, 200)
        published = self.editor.call("POST", "directory/publish", {"revision": saved.json()["revision"], "note": "chat tot 20 uur"})
        self.assertEqual(published.status, 201, published.body)
        after = self.server.get("/api/v1/directory")
        self.assertIn("20:00", after.body.decode())
        self.assertNotEqual(before.header("etag"), after.header("etag"))
        self.assertEqual(self.server.get("/api/v1/directory", If_None_Match=before.header("etag")).status, 200)
        self.assertEqual(self.server.get("/healthz").json()["directory_version"], published.json()["version"])

        versions = self.editor.call("GET", "directory/versions").json()["versions"]
        self.assertEqual(versions[0]["published_by"], self.accounts["editor"]["email"])
        self.assertEqual(versions[0]["note"], "chat tot 20 uur")
        diff = self.editor.call("GET", "directory/diff/%d/%d" % (versions[1]["version"], versions[0]["version"])).json()
        paths = [c["path"] for c in diff["changes"]]
        self.assertTrue(any("organizations[veilig-thuis].services" in p and "chat.schedule" in p for p in paths), paths)

        restored = self.editor.call("POST", "directory/versions/%d/restore" % versions[1]["version"], {})
        self.assertEqual(restored.status, 201)
        self.assertNotIn("20:00", self.server.get("/api/v1/directory").body.decode())

        audit = Staff(self.server, self.accounts["admin"]).call("GET", "audit").json()["entries"]
        actions = {e["action"] for e in audit if e["actor"] == self.accounts["editor"]["email"]}
        self.assertTrue({"start_draft", "save_draft", "publish", "restore"} <= actions, actions)

    def test_mistakes_are_refused_with_a_clear_message(self):
        draft = self.draft()
        org = [o for o in draft["directory"]["organizations"] if o["key"] == "centrum-seksueel-geweld"][0]
        org["services"][0]["phones"][0]["number"] = "0800-018"
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]}).json()
        self.assertEqual(len(saved["issues"]), 1, saved["issues"])
        issue = saved["issues"][0]
        self.assertEqual(issue["organization"]["key"], "centrum-seksueel-geweld")
        self.assertEqual(issue["field"], "services[0].phones[0].tel")
        self.assertEqual((issue["code"], issue["params"]), ("phone_service_length", {"number": "0800-018", "digits": 7}))
        self.assertIn('"0800-018" has 7 digits', issue["message"])  # the English for the CLI and logs
        refused = self.editor.call("POST", "directory/publish", {"revision": saved["revision"]})
        self.assertEqual(refused.status, 422)
        self.assertEqual(refused.json()["error"]["code"], "invalid_draft")
        self.assertEqual(len(refused.json()["error"]["issues"]), 1)
        self.assertIn("0800-0188", self.server.get("/").body.decode())  # residents still see the right number

    def test_a_routed_organisation_cannot_go_without_a_replacement(self):
        draft = self.draft()
        draft["directory"]["organizations"] = [o for o in draft["directory"]["organizations"] if o["key"] != "helpwanted"]
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]}).json()
        self.assertIn(("routed_missing", {"organization": "helpwanted"}), [(i["code"], i["params"]) for i in saved["issues"]])
        replaced = self.editor.call("PUT", "directory/draft", {"revision": saved["revision"], "directory": draft["directory"],
                                                               "replace": {"helpwanted": "fier"}}).json()
        self.assertEqual(replaced["issues"], [], replaced["issues"])
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": replaced["revision"]}).status, 201)

    def with_website(self, directory):
        return [o for o in directory["organizations"] if "website" in o][0]

    def test_a_40000_character_website_url_is_refused_and_nothing_is_stored(self):
        """Issue 12, finding 3: a 40,000-character URL overflowed the stack in std::regex, and
        the draft was stored before it was checked, so every later open crashed the server
        again. With every detail's sources the whole draft and such a URL no longer fit in one
        request body (64 KiB: 413), so a 20,000-character one, still 40 times the bound, goes in."""
        draft = self.draft()
        org = self.with_website(draft["directory"])
        before = org["website"]["url"]
        org["website"]["url"] = "https://www.example.nl/" + "a" * 20000
        index = draft["directory"]["organizations"].index(org)
        refused = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
        self.assertEqual(refused.status, 400, refused.body[:300])
        error = refused.json()["error"]
        self.assertEqual(error["field"], "directory.organizations[%d].website.url" % index)
        self.assertEqual(error["code"], "invalid")
        self.assertEqual([(i["code"], i["params"]) for i in error["issues"]], [("url_too_long", {"length": 20023, "max": 500})])
        self.assertIn("20,023 characters long; at most 500", error["message"])
        self.assertLess(len(refused.body), 4000)  # the URL is not echoed back
        self.assertEqual(self.server.get("/healthz").status, 200)  # still alive
        again = self.draft()
        self.assertEqual(again["revision"], draft["revision"])  # nothing was stored
        self.assertEqual(self.with_website(again["directory"])["website"]["url"], before)
        long_note = self.editor.call("POST", "directory/publish", {"revision": again["revision"], "note": "n" * 600})
        self.assertEqual(long_note.status, 400, long_note.body)
        self.assertEqual(long_note.json()["error"]["field"], "note")

    def test_a_stored_draft_with_an_absurd_url_opens_without_crashing(self):
        """A draft stored by an older version, before drafts were bounded, must open, name
        its problem and refuse to go live; it must never bring the server down."""
        draft = self.draft()
        org = self.with_website(draft["directory"])
        org["website"]["url"] = "https://www.example.nl/" + "(" * 40000
        self.server.stop()
        db = sqlite3.connect(os.path.join(self.data, "hulpwijzer.db"))
        with db:
            db.execute("UPDATE directory_draft SET directory = ?, revision = revision + 1", (json.dumps(draft["directory"]),))
        db.close()
        self.server = ServerProcess(data_dir=self.data, env=FAST).__enter__()
        self.editor = Staff(self.server, self.accounts["editor"])
        for _ in range(2):
            opened = self.draft()
            self.assertTrue(any(i["field"].endswith("website.url") and i["code"] == "url_too_long" for i in opened["issues"]),
                            opened["issues"])
        self.assertEqual(self.editor.call("GET", "/staff/preview/").status, 409)
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": opened["revision"]}).status, 422)
        self.assertEqual(self.server.get("/healthz").status, 200)

    def org(self, directory, key):
        return [o for o in directory["organizations"] if o["key"] == key][0]

    def submit(self, org_id, message):
        body = {"organization_id": org_id, "channel": "phone", "phone": "0612345678", "safe_times": ["weekend"],
                "voicemail_ok": False, "may_identify": False, "language": "nl", "message": message, "consent": True}
        response = self.server.contact_request(body)
        self.assertEqual(response.status, 202, response.body)

    def inbox(self, key):
        partner = Staff(self.server, self.accounts[key])
        ids = [r["id"] for r in partner.call("GET", "requests").json()["requests"]]
        return {partner.call("GET", "requests/" + i).json()["request"].get("message") for i in ids}

    def test_swapping_two_organisations_keys_cannot_reroute_their_requests(self):
        """Issue 12, finding 4: swapping the keys of Veilig Thuis and Moviera and publishing
        sealed Veilig Thuis's requests to Moviera's key."""
        draft = self.draft()
        vt, moviera = self.org(draft["directory"], "veilig-thuis"), self.org(draft["directory"], "moviera")
        vt_id = vt["id"]
        vt["key"], moviera["key"] = "moviera", "veilig-thuis"
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
        self.assertEqual(saved.status, 200, saved.body[:300])
        named = {(i["field"], i["code"], i["params"].get("published")) for i in saved.json()["issues"]}
        self.assertIn(("key", "key_bound", "veilig-thuis"), named)
        self.assertIn(("key", "key_bound", "moviera"), named)
        self.assertTrue(any(i["field"] == "id" and i["code"] == "id_bound" for i in saved.json()["issues"]), saved.json()["issues"])
        published = self.editor.call("POST", "directory/publish", {"revision": saved.json()["revision"]})
        self.assertEqual(published.status, 422, published.body[:300])
        self.assertEqual(published.json()["error"]["code"], "invalid_draft")

        self.submit(vt_id, "voor Veilig Thuis")
        self.assertIn("voor Veilig Thuis", self.inbox("veilig-thuis"))
        self.assertNotIn("voor Veilig Thuis", self.inbox("moviera"))

    def test_publishing_names_every_change_to_contact_settings_in_diff_and_audit(self):
        draft = self.draft()
        service = self.org(draft["directory"], "moviera")["services"][0]
        service["contact_requests"]["response_time"] = {"nl": "Binnen een week.", "en": "Within a week."}
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
        self.assertEqual(saved.json()["issues"], [])
        current = self.editor.call("GET", "directory/versions").json()["versions"][0]["version"]
        diff = self.editor.call("GET", "directory/diff/%d/draft" % current).json()["changes"]
        marked = [c["path"] for c in diff if c.get("contact_settings")]
        self.assertTrue(marked and all("contact_requests.response_time" in p for p in marked), diff)
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": saved.json()["revision"]}).status, 201)
        audit = Staff(self.server, self.accounts["admin"]).call("GET", "audit").json()["entries"]
        publish = [e for e in audit if e["action"] == "publish"][0]
        self.assertIn("contact settings: organizations[moviera].services", publish["target"])
        self.assertIn("contact_requests.response_time", publish["target"])
        self.assertIn("Binnen een week.", publish["target"])

    def test_two_editors_cannot_overwrite_each_other(self):
        other = Staff(self.server, self.accounts["editor"])  # a second session
        a, b = self.draft(), self.draft(other)
        self.assertEqual(self.editor.call("PUT", "directory/draft", {"revision": a["revision"], "directory": a["directory"]}).status, 200)
        late = other.call("PUT", "directory/draft", {"revision": b["revision"], "directory": b["directory"]})
        self.assertEqual(late.status, 409)
        self.assertEqual(late.json()["error"]["code"], "draft_changed")
        self.assertEqual(other.call("POST", "directory/publish", {"revision": b["revision"]}).status, 409)

    def test_publishing_over_a_newer_version_is_refused(self):
        draft = self.draft()
        versions = self.editor.call("GET", "directory/versions").json()["versions"]
        self.assertEqual(self.editor.call("POST", "directory/versions/%d/restore" % versions[-1]["version"], {}).status, 201)
        stale = self.editor.call("POST", "directory/publish", {"revision": draft["revision"]})
        self.assertEqual(stale.status, 409)
        self.assertEqual(stale.json()["error"]["code"], "draft_outdated")
        self.assertIn("was published after this draft", stale.json()["error"]["message"])

    def vt_phone(self, directory):
        org = [o for o in directory["organizations"] if o["key"] == "veilig-thuis"][0]
        return org["services"][0]["phones"][0]

    def test_an_edited_crisis_number_is_unverified_at_once_and_needs_four_eyes(self):
        draft = self.draft()
        self.vt_phone(draft["directory"])["number"] = "0800-2001"  # a typo; tel is derived, never typed
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
        self.assertEqual(saved.status, 200, saved.body)
        phone = self.vt_phone(saved.json()["directory"])
        self.assertEqual((phone["tel"], phone["verified"]), ("+318002001", False))
        self.assertEqual(saved.json()["unticked"], [{"organization": "veilig-thuis", "field": "services[0].phones[0]",
                                                     "before": "0800-2000", "after": "0800-2001"}])
        # Unverified, Veilig Thuis can no longer be called: publishing is refused outright.
        refused = self.editor.call("POST", "directory/publish", {"revision": saved.json()["revision"]}).json()["error"]
        self.assertEqual(refused["code"], "invalid_draft")
        self.assertIn("unreachable", [i["code"] for i in refused["issues"]], refused["issues"])

        # With a new check recorded, it still waits for a second editor.
        directory = saved.json()["directory"]
        self.new_check(self.vt_phone(directory))
        saved = self.editor.call("PUT", "directory/draft", {"revision": saved.json()["revision"], "directory": directory})
        self.assertEqual(saved.json()["unticked"], [])
        check = self.editor.call("GET", "directory/publish-check").json()
        self.assertTrue(check["approval_required"])
        self.assertIn({"organization": "veilig-thuis", "field": "services[0].phones[0]", "before": "0800-2000",
                       "after": "0800-2001"}, check["crisis_changes"])
        revision = saved.json()["revision"]
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": revision}).json()["error"]["code"],
                         "approval_required")
        own = self.editor.call("POST", "directory/approve", {"revision": revision})
        self.assertEqual((own.status, own.json()["error"]["code"]), (403, "own_change"))
        resident = self.server.get("/api/v1/directory").body.decode()
        self.assertIn("+318002000", resident)
        self.assertNotIn("+318002001", resident)

        second = Staff(self.server, self.accounts["editor2"])
        self.assertEqual(second.call("POST", "directory/approve", {"revision": revision}).status, 200)
        self.assertEqual(self.editor.call("GET", "directory/publish-check").json()["approved_by"], self.accounts["editor2"]["email"])
        published = self.editor.call("POST", "directory/publish", {"revision": revision})
        self.assertEqual(published.status, 201, published.body)
        self.assertIn("+318002001", self.server.get("/api/v1/directory").body.decode())  # checked and approved
        audit = Staff(self.server, self.accounts["admin"]).call("GET", "audit").json()["entries"]
        actions = [(e["actor"], e["action"]) for e in audit]
        self.assertIn((self.accounts["editor2"]["email"], "approve_crisis_changes"), actions)
        publish = [e["target"] for e in audit if e["action"] == "publish"][0]
        self.assertIn("crisis-line changes approved by " + self.accounts["editor2"]["email"], publish)
        self.assertIn('veilig-thuis services[0].phones[0]: "0800-2000" -> "0800-2001"', publish)

    def test_a_detail_past_its_grace_period_is_gone_from_the_resident_api(self):
        today = amsterdam_today()
        draft = self.draft()
        org = [o for o in draft["directory"]["organizations"] if o["key"] == "helpwanted"][0]
        phone = org["services"][0]["phones"][0]
        # Not a crisis line: due 180 days after its check, withdrawn after 60 more.
        phone["checked"] = (today - datetime.timedelta(days=240)).isoformat()  # today is its last day
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]}).json()
        self.assertEqual(saved["unticked"], [])  # a date is provenance, not content
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": saved["revision"]}).status, 201)
        self.assertIn("+31202615275", self.server.get("/api/v1/directory").body.decode())
        items = self.editor.call("GET", "directory/attention").json()["items"]
        self.assertEqual(items[0]["reason"], "overdue", items[:3])
        self.assertEqual((items[0]["organization"], items[0]["withdrawn_on"]),
                         ("helpwanted", (today + datetime.timedelta(days=1)).isoformat()))
        self.assertEqual(items[0]["source_url"], "https://www.helpwanted.nl/en")

        draft = self.draft()
        org = [o for o in draft["directory"]["organizations"] if o["key"] == "helpwanted"][0]
        org["services"][0]["phones"][0]["checked"] = (today - datetime.timedelta(days=241)).isoformat()
        saved = self.editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]}).json()
        self.assertEqual(self.editor.call("POST", "directory/publish", {"revision": saved["revision"]}).status, 201)
        self.assertNotIn("+31202615275", self.server.get("/api/v1/directory").body.decode())
        self.assertNotIn("+31202615275", self.server.get("/hsds/organizations").body.decode())
        self.assertEqual(self.editor.call("GET", "directory/attention").json()["items"][0]["reason"], "withdrawn")

    def test_attention_lists_unverified_and_todo(self):
        items = self.editor.call("GET", "directory/attention").json()["items"]
        moviera = [i for i in items if i["organization"] == "moviera"]
        self.assertTrue(any(i["reason"] == "todo" for i in moviera))

    def test_hsds_import_into_the_draft_reports_changes_and_refusals(self):
        exported = json.loads(run_cli("directory", "export", "--format", "hsds", "--lang", "nl", "--data", self.data).stdout)
        draft = self.draft()
        same = self.server.request("POST", "/staff/api/v1/directory/import-hsds?lang=nl&revision=%d" % draft["revision"],
                                   {"Cookie": "__Host-hw_session=" + self.editor.token, "X-CSRF-Token": self.editor.csrf,
                                    "Content-Type": "application/json"}, json.dumps(exported).encode())
        self.assertEqual(same.status, 200, same.body[:300])
        self.assertEqual(same.json()["report"]["changes"], [])  # a round trip changes nothing
        org = [o for o in exported if o["name"] == "Moviera"][0]
        org["description"] = "Nieuwe beschrijving van Moviera."
        org["locations"] = [{"id": org["id"], "address": "Geheim 1"}]
        changed = self.server.request(
            "POST", "/staff/api/v1/directory/import-hsds?lang=nl&revision=%d" % same.json()["revision"],
            {"Cookie": "__Host-hw_session=" + self.editor.token, "X-CSRF-Token": self.editor.csrf,
             "Content-Type": "application/json"}, json.dumps(exported).encode()).json()
        self.assertTrue(any("moviera" in c and "description" in c for c in changed["report"]["changes"]), changed["report"])
        self.assertTrue(any("address" in r["reason"] for r in changed["report"]["refused"]), changed["report"])
        self.assertNotIn("Geheim", json.dumps(changed["directory"]))
        self.assertEqual(changed["issues"], [])
        moviera = [o for o in changed["directory"]["organizations"] if o["key"] == "moviera"][0]
        self.assertEqual(moviera["description"]["nl"], "Nieuwe beschrijving van Moviera.")

    def test_only_editors(self):
        for key in ("veilig-thuis", "admin"):
            with self.subTest(who=key):
                staff = Staff(self.server, self.accounts[key])
                self.assertEqual(staff.call("GET", "directory/draft").status, 403)
                self.assertEqual(staff.call("GET", "/staff/preview/").status, 403)
        self.assertEqual(self.server.get("/staff/api/v1/directory/draft").status, 401)
        self.assertEqual(self.server.get("/staff/preview/").status, 401)
        no_csrf = self.editor.call("DELETE", "directory/draft", csrf=False)
        self.assertEqual(no_csrf.status, 403)


class OperatorPublishes(unittest.TestCase):
    """Only the operator, on the command line and audited, may change an organisation's id
    or key (issue 12, finding 4); the editor then works from the new binding."""

    def test_the_operator_changes_an_id_the_audit_names_it_and_requests_follow(self):
        data = tempfile.mkdtemp(prefix="hw-operator-")
        accounts = demo(data)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        directory = json.loads(db.execute("SELECT directory FROM directory_versions ORDER BY version DESC LIMIT 1").fetchone()[0])
        db.close()
        moviera = [o for o in directory["organizations"] if o["key"] == "moviera"][0]
        moviera["id"] = "0d7c2a4e-9b1f-4e3a-8c5d-6f7a8b9c0d1e"
        path = os.path.join(tempfile.mkdtemp(prefix="hw-operator-file-"), "directory.json")
        with open(path, "w") as f:
            json.dump(directory, f)

        with ServerProcess(data_dir=data, env=FAST) as server:
            running = run_cli("directory", "publish", "--directory", path, "--data", data)
            self.assertEqual(running.returncode, 69, running.stderr)  # not while the server runs
            self.assertEqual(server.get("/healthz").json()["directory_version"], 2)
        published = run_cli("directory", "publish", "--directory", path, "--data", data, "--note", "nieuw id")
        self.assertEqual(published.returncode, 0, published.stderr)
        self.assertIn("binding changed", published.stdout)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        actor, target = db.execute("SELECT actor, target FROM audit_log WHERE action = 'publish' ORDER BY id DESC").fetchone()
        db.close()
        self.assertEqual(actor, "operator")
        self.assertIn('binding changed: organization "moviera"', target)
        self.assertIn("contact settings: organizations[moviera].id", target)

        with ServerProcess(data_dir=data, env=FAST) as server:
            editor = Staff(server, accounts["editor"])
            self.assertEqual(editor.call("GET", "directory/draft").json()["issues"], [])  # the new binding holds
            body = {"organization_id": moviera["id"], "channel": "phone", "phone": "0612345678", "safe_times": ["weekend"],
                    "voicemail_ok": False, "may_identify": False, "language": "nl", "message": "nieuw id", "consent": True}
            sent = server.contact_request(body)
            self.assertEqual(sent.status, 202, sent.body)
            partner = Staff(server, accounts["moviera"])
            self.assertEqual(len(partner.call("GET", "requests").json()["requests"]), 1)


if __name__ == "__main__":
    unittest.main()
