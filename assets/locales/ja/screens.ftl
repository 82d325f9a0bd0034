# 画面（src/game/screens）とネットワーク対戦テーブル（src/game/remote.rs）：タイトル、設定、交渉テーブル、結果、
# 振り返り、リプレイ、セーブ、概要、参加、交代、教員用コンソール。

# 画面どうしで共有するもの。
screens-back = 戻る（Esc）
screens-about-title = モデルについて

## タイトル（src/game/screens/title.rs）

screens-title-name = TradeTable
screens-title-tagline = 米国との貿易交渉のテーブルに着こう
screens-title-load-error = このファイルを読み込めませんでした
screens-title-left-table = ネットワーク対戦のテーブルを離れました
screens-title-dismiss = 閉じる
screens-title-new-game = 新しいゲーム（Enter）
screens-title-continue = 続きから
screens-title-load = ゲームを読み込む・リプレイ…
screens-title-join = クラスのテーブルに参加…
screens-title-join-network = ネットワークのテーブルに参加…
screens-title-debrief = クラスの振り返り…
screens-title-scenario = シナリオ
screens-title-settings = 設定
screens-title-quit = 終了
screens-title-about-game = 米国または相手国を担当してAIと対戦するほか、2チームが1台で交代して対戦したり、2つのAIの対戦を観戦したりできます。数値はすべてシナリオファイルとその出典に基づいています。
screens-title-new-here = TradeTableは初めてですか？
screens-title-start-here = まずはここから：チュートリアル
screens-title-start-here-hover = コーチ付きで、米国として短い3ラウンドを遊びます
screens-title-start-here-note = コーチと一緒に3か月間交渉します。レバー群を順に使い、モデルの見通しを読み、合意案をテーブルに出しましょう。
# 読み込めないシナリオファイル（パスで表示）。
screens-title-scenario-broken = { $scenario }（読み込めません）

## 新しいゲームの設定（src/game/screens/setup.rs）

screens-setup-title = 新しいゲーム
screens-setup-mode-us = 関税を設定し、警告し、交渉して、赤字の縮小と長続きする合意を目指します。
# $agreement：シナリオにある貿易協定の名前。
screens-setup-mode-partner-agreement = 譲歩を提案し、自国の輸出企業と政府を守り、{ $agreement }を存続させます。
screens-setup-mode-partner = 譲歩を提案し、自国の輸出企業と政府を守ります。
screens-setup-mode-hotseat = 2チームが1つの画面を共有します。各手番の後には交代画面が入ります。
screens-setup-mode-watch = 2つのAIが交渉します。再生、一時停止、コマ送り、速度の変更ができます。
# $partner：シナリオにある相手国の名前。
screens-setup-summary = { $start }から1か月ごとに{ $rounds }ラウンド · { $sectors }部門 · 米国の関税手段{ $instruments }種 · { $partner }の譲歩{ $concessions }種
# $deal：シナリオにある実際の合意の説明。
screens-setup-compare = 最後に、あなたの結果を合意なしの場合や実際の結果と比べます：{ $deal }
screens-setup-who-plays = 担当
screens-setup-ai-opponent = AIの相手
screens-setup-seed = シード
screens-setup-new-seed = 新しいシード
screens-setup-seed-note = シードでランダムなイベントが決まります。共有すれば、クラス全員が同じゲームを遊べます。
screens-setup-start = 開始（Enter）
screens-setup-edit-error = 編集したファイルにエラーがあります。最後に読み込めた版を表示しています

## 結果（src/game/screens/results.rs）

screens-results-player-your-team = あなたのチーム
screens-results-player-computer = コンピューター
screens-results-player-other-team = 相手チーム
screens-results-player-team = { $side }チーム
screens-results-player = プレイヤー
# $name：コンピューターの名前。
screens-results-player-ai = AI、{ $name }
screens-results-deal = 合意が成立しました
screens-results-no-deal = 合意なし
screens-results-collapse = 交渉は決裂しました
screens-results-band = 低・高パラメータでは{ $low }–{ $high }
screens-results-band-hover = 同じ手を、シナリオの貿易弾力性・価格転嫁・調整速度の低い値と高い値で再計算した結果です（「モデルについて」を参照）。この幅より小さいリードは確かなものではありません。
screens-results-objective = 目標
screens-results-average = 平均
screens-results-score = スコア
screens-results-weight = 重み
# $sign：+ か −。
screens-results-worth = 署名時の価値{ $worth }、最終スコア{ $score }（{ $sign }{ $difference }）
screens-results-worth-hover = 「価値」は交渉中にテーブルに表示されていた数値です。スコアはゲームが実際に数える値です。
screens-results-worth-months = 価値は、ラウンド{ $round }（{ $month }）での署名の{ $valuation }か月後の1か月分を、支持率が向かっていた水準にあるものとして採点したものです。スコアは全{ $scored }か月の平均です：合意前にプレイした{ $before }か月と、署名以降の{ $after }か月（翌年を含む）。
screens-results-gaps = スコアが価値を下回った（−）目標と上回った（+）目標、差の大きい順：
# $objective：シナリオにある目標の名前。$sign：+ か −。
screens-results-gap = { $objective }：署名時{ $signing }、平均{ $averaged }：{ $sign }{ $points }ポイント
screens-results-this-game = このゲーム
screens-results-real-deal = 実際の合意
screens-results-outcome = 結果
screens-results-us-score = 米国のスコア
screens-results-side-score = { $side }のスコア
screens-results-mean-deficit = 平均赤字
screens-results-final-deficit = 最終赤字
# $agreement：シナリオにある貿易協定の名前。
screens-results-survived = { $agreement }の存続
screens-results-low-high = …低–高
screens-results-low-high-hover = このゲームの平均赤字を、シナリオの低・高パラメータで計算した値です（同じ手で再計算。「モデルについて」を参照）。
screens-results-issue = 論点
screens-results-your-deal = あなたの合意
screens-results-class-table = クラスのテーブル{ $code }：結果はこのコードで保存されます。
screens-results-export-label = ゲームの記録を書き出す：
screens-results-export-hint = フォルダー（USBメモリやクラスの共有フォルダーなど）
screens-results-export = 結果を書き出す
screens-results-exported = { $path }に保存しました
# $reason：ゲームが終わった理由（コアの文）。
screens-results-when = ラウンド{ $round }（{ $month }）— { $reason }
screens-results-join-another = 別のテーブルに参加（Enter）
screens-results-play-again = もう一度遊ぶ（Enter）
screens-results-to-title = タイトルに戻る（Esc）
screens-results-replay = リプレイ
screens-results-replay-hover = このゲームを一手ずつたどります
screens-results-seed = シード{ $seed } · { $scenario }
screens-results-networked = ネットワークのテーブル{ $table }（{ $code }）：結果は先生のコンピューターに保存され、クラスの振り返りに使われます。
screens-results-compared = 合意なしの場合・実際の結果との比較
screens-results-whole-game = ゲーム全体

## セーブデータ（src/game/screens/saves.rs）

screens-saves-us = 米国
screens-saves-people = { $side }（人間）
# $opponent：コンピューターの名前。
screens-saves-computer = { $side }（AI、{ $opponent }）
# $saved：日時（2026-11-29 04:20 UTC）。
screens-saves-describe = { $us } 対 { $partner } · ラウンド{ $round }、{ $moves }手 · { $saved }
screens-saves-title = 保存したゲーム
screens-saves-intro = このコンピューターにある進行中のゲーム、セーブデータ、終わったゲーム、クラスのテーブルを新しい順に表示します。止めたところから続ける、一手ずつリプレイする、削除する、のいずれかを選べます。進行中のゲームはそれぞれ自分のセーブデータを持ちます。
screens-saves-none = セーブデータはまだありません。ゲームは一手ごとに保存されます。
screens-saves-game = ゲーム
screens-saves-kind = 種類
screens-saves-scenario = シナリオ
screens-saves-sides = 陣営・進行・保存日時
screens-saves-results = 結果
screens-saves-play-on = 続ける
screens-saves-replay = リプレイ
screens-saves-unreadable = 読み込めません
screens-saves-yes-delete = はい、削除
screens-saves-keep = 残す
screens-saves-delete = 削除…
screens-saves-deleted = { $file }を削除しました。

## モデルについて（src/game/screens/about.rs）

screens-about-chosen-scenario = 選択したシナリオ
screens-about-model = モデル
screens-about-band = 低・高パラメータ
screens-about-observed = 実績（日本の財務省）
screens-about-y-axis = 前年比、%
screens-about-low = 低パラメータ
screens-about-high = 高パラメータ
screens-about-period = 期間
screens-about-goods = 品目
screens-about-measure = 指標
screens-about-observed-head = 実績
screens-about-model-head = モデル（低–高）
screens-about-error = 誤差
# $central、$low、$high：符号付き・小数1桁のパーセント（+3.2）。
screens-about-model-range = { $central }%（{ $low }～{ $high }）
screens-about-intro = ゲームの数値はすべて、いくつかの式（docs/model.md）と、出典付きのシナリオの数値から計算されます。ここでは、2025年に日本からの輸入品に実際に課された米国の関税でモデルを月ごとに動かし、実績と比べます。
# $reason：理由（コアの文）。
screens-about-no-backtest = { $scenario }のバックテストはありません：{ $reason }。
screens-about-chart = 米国の日本からの輸入（2025年）：モデルと実績
screens-about-chart-note = 前年比の変化（円建て）。破線は低・高パラメータです。実績は日本の対米輸出です。2025年初めには関税の前に駆け込み出荷があって増えましたが、モデルはこれを再現しようとしていません。また2025年半ばは円が年平均より高かったため、円建ての値はモデルより大きく下がりました。
screens-about-table = すべての実績とモデルの比較
screens-about-annual = 2025年通年：輸入はモデル{ $imports }%、実績{ $imports_observed }%。収支はモデル{ $balance }%、実績{ $balance_observed }%。期間にカーソルを合わせると出典が表示されます。

## 1台で交代（src/game/screens/handover.rs）

screens-handover-round = ラウンド{ $round }/{ $rounds } · { $month }
screens-handover-to-move = { $side }チームの番です
screens-handover-look-away = { $other }チームは画面から目を離してください。{ $side }チームが操作します。
screens-handover-since = 前回の手番以降
screens-handover-nothing = まだ何もありません。これが最初の手です。
screens-handover-continue = { $side }として続ける（Enter）

## クラスのテーブルに参加（src/game/screens/join.rs）

screens-join-students = { $side }：生徒
screens-join-computer = { $side }：コンピューター（{ $opponent }）
screens-join-table = テーブル{ $table }
# $news：シナリオにある出来事の見出し。
screens-join-inject = ラウンド{ $round }：{ $news }
screens-join-title = クラスのテーブルに参加
screens-join-intro = クラスのシートにあるテーブルのコードを入力してください。大文字・小文字、ダッシュ、空白は区別しません。
screens-join-injects = 予定されているクラスのニュース
screens-join-damaged = このテーブルのセーブデータを開けません
screens-join-damaged-note = テーブルを最初のラウンドからやり直せます。壊れたファイルは削除せず、名前を変えて同じ場所に残すので、先生が後から確認できます。
screens-join-afresh = このテーブルを最初からやり直す
screens-join-sit-down = 着席する（Enter）
screens-join-not-in-library = コードが指すシナリオがライブラリにありません

## ネットワークのテーブルに参加（src/game/screens/join_network.rs）

screens-net-either = どちらでも
screens-net-us = 米国
screens-net-partner = 相手国
screens-net-address = ホストのアドレス
screens-net-code = 参加コード
screens-net-side = あなたの陣営
screens-net-title = ネットワークのテーブルに参加
screens-net-intro = クラスは先生がホストします。先生の画面に表示されたアドレスとテーブルの参加コードを入力し、割り当てられた陣営を選んでください。
screens-net-join = 参加（Enter）
screens-net-connecting = { $host }に接続しています…
screens-net-asking = 接続しました。テーブル{ $code }の席をホストに求めています…
screens-net-failed = 参加できませんでした
screens-net-cannot = このウィンドウはネットワークのテーブルに参加できません。
screens-net-address-note = アドレスは先生のコンピューターとポートです（例：192.168.1.20:{ $port }。ポートは省略できます）。応答がない場合は、先生のファイアウォールでUDPポート{ $port }を許可する必要があるかもしれません。
screens-net-no-code = 教員用コンソールに表示されたテーブルの参加コードを入力してください。

## 評価の文（数値から組み立てる。英語版はコアの文をそのまま表示）

screens-results-verdict = { $subject }は{ $clauses }。
screens-results-verdict-you = あなた
screens-results-verdict-no-deal = 合意なし
# 後に別の比較が続く比較。$way は beat（上回る）、short（下回る）、matched（同点）。$by は0.1ポイント単位の差。
screens-results-verdict-clause = { $way ->
    [beat] { $what }を{ $by }ポイント上回り
    [short] { $what }を{ $by }ポイント下回り
   *[matched] { $what }と同点で
}
# 最後の（または唯一の）比較。
screens-results-verdict-clause-final = { $way ->
    [beat] { $what }を{ $by }ポイント上回りました
    [short] { $what }を{ $by }ポイント下回りました
   *[matched] { $what }と同点でした
}
screens-results-verdict-joined = { $first }、{ $second }

## コンピューターの相手（src/game/screens/setup.rs）：難易度と戦略の名前と、その振る舞い

screens-opponent-easy = やさしい
    .about = すぐに譲歩し、ときどき断るべき提案を受け入れてしまいます。
screens-opponent-normal = ふつう
    .about = 序盤は強気で、期限が近づくと譲歩し、警告には警告で応じます。
screens-opponent-hard = 手ごわい
    .about = あなたが重視するものを読み、次に自分が出す案より悪い提案は受け入れず、期限を武器にします。
screens-opponent-hardliner = 強硬派
    .about = 最初の合意案から一歩も動きません。
screens-opponent-boulware = ブールウェア型
    .about = 期限が近づくまで譲らず、最後に譲歩します。
screens-opponent-linear = 一定ペース型
    .about = 毎月一定のペースで譲歩します。
screens-opponent-conceder = 早期譲歩型
    .about = 早い段階で譲歩します。
screens-opponent-tit-for-tat = しっぺ返し型
    .about = あなたの譲歩や警告に同じやり方で応じます。
screens-opponent-modelling = 相手分析型
    .about = あなたが重視するものを学び、双方に良い合意案を探します。

## 交渉の終わり方（ニュースから組み立てる。英語版はコアの文をそのまま表示）

screens-results-ending-accepted = { $side }が{ $other }の提案を受け入れました
screens-results-ending-walked-away = { $side }が交渉を打ち切りました
screens-results-ending-deadline = 合意のないまま期限を迎えました
screens-results-ending-government-fell = { $side }の政府が倒れました
screens-results-ending-terminated = { $agreement }が終了しました
