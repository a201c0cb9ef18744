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


def test_query_page_runs_a_competency_query_and_opens_a_fact_with_its_source(browser, server, seed_store, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(server + "/")
    wait.until(lambda d: d.find_element(By.ID, "preset").get_attribute("data-loaded"))
    Select(browser.find_element(By.ID, "preset")).select_by_value("legco-programmes")
    assert "tl:Programme" in browser.find_element(By.ID, "query").get_attribute("value")
    browser.find_element(By.ID, "run").click()
    wait.until(lambda d: d.find_element(By.ID, "status").get_attribute("data-done") == "true")
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert len(rows) == 5
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results thead th")]
    assert headers[:2] == ["?programme", "?label"]
    browser.save_screenshot(str(artifacts / "query-page.png"))

    label = rows[0].find_elements(By.TAG_NAME, "td")[1].text
    rows[0].find_element(By.CSS_SELECTOR, "td a").click()
    mark = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".context mark.span")))
    assert mark.text == label
    context = browser.find_element(By.CSS_SELECTOR, ".context").text
    assert len(context) > len(label)  # the highlight sits in its surrounding text
    assert browser.find_element(By.TAG_NAME, "h1").text == label
    font = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK TC" in font
    browser.save_screenshot(str(artifacts / "entity-page.png"))
