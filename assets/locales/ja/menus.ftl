# メニューとダイアログ（src/game/menus）、およびパネル・画面以外のもの：キー操作、用語集、保存、エラー、画面遷移、
# ホットリロード。

## 設定（src/game/menus/settings.rs）

menus-settings-title = 設定
menus-settings-scale = 表示倍率
menus-settings-scale-note = 教室のプロジェクター向けに、文字と操作部品を大きくします。
menus-settings-window = ウィンドウ
menus-settings-windowed = ウィンドウ表示
menus-settings-fullscreen = 全画面表示
menus-settings-language = 言語
menus-settings-sound = サウンド
menus-settings-mute = ミュート
menus-settings-volume = 音量
menus-settings-sound-note = 提案の到着、合意の成立、交渉の決裂、イベントの発生、期限の接近を短い音でお知らせします。
menus-settings-close = 閉じる（Esc）
menus-settings-not-saved = この設定はゲームを終了するまで有効です：{ $error }

## 一時停止メニュー（src/game/menus/pause.rs）

menus-pause-title = 一時停止中
menus-pause-resume = 再開（Esc）
menus-pause-settings = 設定
menus-pause-save-name-hint = セーブデータの名前
menus-pause-save-as = 名前を付けて保存
menus-pause-leave-table = テーブルを離れる
menus-pause-save-and-quit = 保存してタイトルへ
menus-pause-quit-to-title = タイトルへ戻る
menus-pause-quit-game = ゲームを終了
menus-pause-remote-note = このゲームは先生のコンピューターが保持しています。同じ参加コードでもう一度参加すると、自分の席に戻れます。
menus-pause-saved-note = ゲームは一手ごとに保存されます。タイトルの「続きから」で再開でき、「ゲームを読み込む・リプレイ…」にすべてのセーブデータが並びます。
menus-pause-not-saved = 保存されていません：{ $why }。
menus-pause-try-saving-again = もう一度保存する
# 直前の手を保存できなかったゲームを離れる前の確認。$why は保存処理からの文（英語のことがあります）。
menus-pause-unsaved-title = ゲームが保存されていません
menus-pause-unsaved-why = { $why }。
menus-pause-unsaved-loses = 今ゲームを離れると、直前の{ $count }手が失われます。
menus-pause-back-to-game = ゲームに戻る
menus-pause-leave-anyway = { $count }手を失って離れる
# 「名前を付けて保存」の結果。$file はファイル名。
menus-pause-host-keeps = このテーブルのゲームは、先生のためにホストが保持しています。
menus-pause-saved-replacing = 「{ $name }」として保存しました（以前のセーブデータを置き換えました）
menus-pause-saved-as = 「{ $name }」として保存しました（{ $file }）

## キー一覧（src/game/menus/help.rs、src/game/keys.rs）

menus-help-title = キー操作
menus-help-note = どの操作も、キーで行うか、Tab で選んで Space で押せます。入力欄では、文字キーは文字を入力するだけです。
menus-help-close = 閉じる（Esc または F1）
menus-help-controls = すべての画面の操作部品

menus-keys-everywhere = どの画面でも
menus-keys-at-table = テーブルで
menus-keys-watching = AI 同士の観戦中
# 同じ働きをする二つのキー：「F1 または ?」。
menus-keys-either = { $first } または { $second }
menus-keys-right-arrow = →キー

menus-keys-help = このキー一覧を表示／非表示
menus-keys-send = 提案を送る（操作部品が選ばれていないとき）
menus-keys-accept = テーブル上の提案を受け入れる
menus-keys-pass = テーブル上の提案を拒否する、またはパスする
menus-keys-walk-away = 交渉を打ち切る（確認あり）
menus-keys-adviser = アドバイザーにヒントを聞く
menus-keys-group-1 = レバー群1（米国：関税、相手国：譲歩）
menus-keys-group-2 = レバー群2（米国：警告、相手国：合意）
menus-keys-group-3 = レバー群3（米国：歩み寄り）
menus-keys-group-4 = レバー群4（米国：貿易協定）
menus-keys-view-table = 提案テーブル（ウィンドウが狭いとき）
menus-keys-view-preview = 見通し
menus-keys-view-charts = グラフ
menus-keys-view-news = ニュース
menus-keys-view-offers = これまでの提案
menus-keys-view-brief = 自陣営の機密資料
menus-keys-glossary = 用語集を開く／閉じる
menus-keys-menu = メニュー：再開、設定、保存、終了
menus-keys-play-pause = 再生／一時停止
menus-keys-step = 1手進める

# egui がどの操作部品にも与えるキー：働きと、キー（.keys）。
menus-keys-control-tab = 次／前の操作部品へ（枠で示されます）
    .keys = Tab、Shift+Tab
menus-keys-control-press = 選ばれている操作部品を押す
    .keys = Space または Enter
menus-keys-control-arrows = その方向の操作部品へ移る
    .keys = 矢印キー
menus-keys-control-esc = 選択を外す。テーブルではメニュー、ほかの画面では戻る
    .keys = Esc

## ゲームを開けなかった理由、手が受け付けられなかった理由（src/game/session）

menus-error-not-shipped = 「{ $name }」というシナリオは、このバージョンには組み込まれていません
menus-error-scenario-missing = このゲームはシナリオ「{ $title }」（{ $id }、バージョン { $version }）で遊ばれましたが、そのバージョンはこのコンピューターにありません。そのファイルを scenarios フォルダーに入れてください
menus-error-nothing-to-continue = 続きから遊べる進行中のゲームがありません
menus-refused-not-your-turn = { $side }の番ではありません
menus-refused-table-paused = 先生がこのテーブルを一時停止しています
menus-refused-awaiting-host = 直前の手がまだホストに届いていません
menus-refused-no-host = このゲームはホストに接続できません

## どの陣営を誰が担当するか、シナリオの出どころ（src/game/session/setup.rs）

menus-mode-play-us = 米国を担当
menus-mode-play-partner = { $partner }を担当
menus-mode-hotseat = 1台で交代（2チーム）
menus-mode-watch = AI 同士の対戦を観戦
menus-source-built-in = { $name }（組み込み）

## 保存（src/game/session/keeping.rs、src/game/save_status.rs、src/game/saves.rs）

menus-banner-finished-not-saved = 終了したゲームが保存されていません
menus-banner-moves-not-saved = 保存されていません：直前の{ $count }手はこのウィンドウの中にしかありません
# $what は上の二つのどちらか。$why は保存処理からの文（英語のことがあります）。
menus-banner = { $what }。{ $why }。空き容量を増やすかフォルダーを直してから、もう一度お試しください。
menus-banner-try-again = 再試行

menus-save-kind-in-progress = 進行中
menus-save-kind-named = 保存済み
menus-save-kind-finished = 終了
menus-save-kind-class = クラスのテーブル

## 用語集（src/game/glossary.rs）：表示する用語と、その意味（.meaning）

# ツールチップでの用語とその意味。
menus-glossary-entry = { $term }：{ $meaning }
menus-glossary-usjta = 日米貿易協定（USJTA）
    .meaning = 2019年の日米貿易協定。日本は牛肉、豚肉、チーズなど米国産農産品の関税を引き下げました。国会が協定を停止すると、米国産品には日本の最恵国税率がかかり、米国の農産品輸出が打撃を受けます。
menus-glossary-section-232 = 通商拡大法232条
    .meaning = 1962年通商拡大法232条。米国の国家安全保障を脅かす輸入品に関税をかける規定です。鉄鋼・アルミニウム、自動車・自動車部品に使われ、半導体、医薬品、銅、木材も調査の対象になりました。
menus-glossary-aftp = 米国第一の通商政策（AFTP）
    .meaning = America First Trade Policy。貿易赤字の見直しを命じた2025年1月の覚書です。全輸入品に10〜20%の一律関税をかける案も浮上しました。
menus-glossary-rtt = 相互貿易・関税（RTT）
    .meaning = Reciprocal Trade and Tariffs。相手国の関税に品目ごとに合わせた関税に、その国の非関税障壁に相当する分を上乗せするものです。
menus-glossary-ntb = 非関税障壁（NTB）
    .meaning = 関税を使わずに輸入を締め出す規則です。数量制限、安全基準、植物検疫の規則、補助金などがあります。
menus-glossary-fmvss = 米国連邦自動車安全基準（FMVSS）
    .meaning = Federal Motor Vehicle Safety Standards。米国の自動車安全規則です。日本は米国車を自国の規則で認証し直しています。FMVSS を受け入れると、米国通商代表部が指摘する非関税障壁（NTB）が一つなくなります。
menus-glossary-mfn = 最恵国税率（MFN）
    .meaning = 貿易協定のない WTO 加盟国すべてに課す通常の税率です（例：米国の自動車は2.5%、日本の牛肉は38.5%）。
menus-glossary-lng = 液化天然ガス（LNG）
    .meaning = 日本は年に約6600万トンを輸入していますが、米国産はその10%未満です。購入を増やすことは、日本が出せる提案の一つです。
menus-glossary-cptpp = CPTPP（TPP11）
    .meaning = 環太平洋パートナーシップに関する包括的及び先進的な協定。米国が前身の協定から離脱した後、2018年に日本が加わった11か国の貿易協定です。その関税引き下げ（例：牛肉）が、米国が日本に同じ水準を求める基準になりました。
menus-glossary-diet = 国会
    .meaning = 日本の議会。2025年7月に参議院選挙が行われ、与党連合は過半数を失いました。
menus-glossary-quota = 関税割当
    .meaning = 割当量までの輸入には、低い（ここでは追加なしの）関税がかかる仕組みです。
