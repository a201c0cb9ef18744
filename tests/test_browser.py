"""The web page in real headless Chromium: run a query, open a fact's page, see its source text highlighted.

Needs Debian's ``chromium`` and ``chromium-driver`` (installed by
.ci/system-packages.sh).  Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from server_support import tiaoli_server

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,1000",
)


def _executable(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"{names[0]} is missing: apt-get install -y chromium chromium-driver (see .ci/system-packages.sh)")


@pytest.fixture(scope="module")
def artifacts(repo_dir) -> Path:
    folder = repo_dir / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _executable("chromium", "chromium-browser")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_executable("chromedriver")))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def server(seed_store):
    with tiaoli_server(seed_store.path, "--timeout", "20") as base:
        yield base


OBLIGATIONS_OF_A_ROLE = """SELECT ?norm ?text WHERE {
  ?norm a tl:Norm ; tl:modality ?modality ; tl:text ?text ; tl:addressee ?role .
  ?role skos:prefLabel ?label .
  FILTER(STRENDS(STR(?modality), "/obligation") && STR(?label) = "主辦會計人員")
} ORDER BY ?norm"""


def _run(browser, wait):
    from selenium.webdriver.common.by import By

    browser.execute_script("document.getElementById('status').dataset.done = ''")
    browser.find_element(By.ID, "run").click()
    wait.until(lambda d: d.find_element(By.ID, "status").get_attribute("data-done") == "true")
    return browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")


def test_query_page_runs_queries_and_shows_an_obligation_with_its_highlighted_source(browser, server, seed_store, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    wait.until(lambda d: d.find_element(By.ID, "preset").get_attribute("data-loaded"))

    # A competency query from the menu.
    Select(browser.find_element(By.ID, "preset")).select_by_value("law-norms")
    assert "tl:Norm" in browser.find_element(By.ID, "query").get_attribute("value")
    rows = _run(browser, wait)
    assert len(rows) == len(list(seed_store.query(_shipped("law-norms")).raw))
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results thead th")]
    assert headers == ["?act", "?number", "?paragraph", "?item", "?modality", "?addressee", "?text"]
    browser.save_screenshot(str(artifacts / "query-page.png"))

    # A query typed into the editor, then one obligation's page.
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys(OBLIGATIONS_OF_A_ROLE)
    rows = _run(browser, wait)
    assert rows, "no obligation of 主辦會計人員 in the seed graph"
    norm = rows[0].find_element(By.CSS_SELECTOR, "td a").get_attribute("title")
    quoted = sorted(s["q"].value for s in seed_store.query(f"SELECT ?q WHERE {{ <{norm}> prov:wasDerivedFrom/tl:quotedText ?q }}").raw)
    clause = max(quoted, key=len)
    # The clause names the role, possibly sharing its head noun with another (主辦及經辦會計人員).
    assert "主辦" in clause and "會計人員" in clause
    rows[0].find_element(By.CSS_SELECTOR, "td a").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".context mark.span")))
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".context mark.span")]
    assert clause in marks and set(marks) <= set(quoted)
    context = browser.find_element(By.CSS_SELECTOR, ".context").text
    assert clause in context and len(context) > len(clause)  # shown inside its surrounding text
    assert sorted(q.text for q in browser.find_elements(By.CSS_SELECTOR, "q.quoted-text")) == quoted
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK TC" in font
    browser.save_screenshot(str(artifacts / "obligation-page.png"))


def _shipped(name: str) -> str:
    from tiaoli.competency import competency_query

    return competency_query(name).text
