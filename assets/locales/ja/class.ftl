# クラスの教員側：教員用コンソール（src/game/screens/console.rs）、振り返り、リプレイ。

## 教員用コンソール（src/game/screens/console.rs）

class-console-open-error = クラスを開けません：ポート { $port } を開けませんでした（{ $error }）。このウィンドウを閉じて別の --port でホストし直すか、このポートを使っているものを止めてください。
class-console-title = 教員用コンソール
class-console-subtitle = { $scenario } · { $count } テーブル
class-console-join-at = チームの参加先：
class-console-join-how = 各テーブルの参加コードと一緒に、タイトル画面の「ネットワークのテーブルに参加」で入力するか、次のコマンドを使います：
class-console-opening = クラスを開いています…
class-console-pause-all = ⏸ すべて一時停止
class-console-resume-all = ▶ すべて再開
class-console-no-injects = このシナリオには投入イベントがありません。
class-console-inject = 投入イベント
class-console-fire-all = 全テーブルに投入
class-console-fire-all-hint = 各テーブルの現在のラウンドの終わりに効果が出ます。1つのテーブルに同じイベントは1回だけ投入できます
class-console-end-class = クラスを終了…
class-console-debrief = クラスを振り返る
class-console-debrief-hint = { $folder } の結果から、全テーブルを並べて表示します
class-console-debrief-disabled = クラスが終了するか、全テーブルの交渉が終わると使えます
class-console-ended = クラスは終了しました。
# テーブルの最後の手から、またはノートPCの接続からの秒・分・時間。
class-console-seconds = { $s }秒
class-console-minutes = { $m }分
class-console-hours = { $h }時間{ $m }分
class-console-ago = { $time }前

### テーブルの席
class-console-seat-waiting = 未参加
class-console-seat-connected = 接続中
class-console-seat-disconnected = 接続切れ
class-console-seat-computer = コンピューター
class-console-seat = { $side }：{ $presence }

### テーブルの状態
class-console-state-over = 終了
class-console-state-stopped = 停止：クラス終了
class-console-state-paused = ⏸ 一時停止中
class-console-state-waiting = { $side }チームを待っています
class-console-state-disconnected = { $side }チームの接続切れ
class-console-state-playing = 交渉中

### テーブル一覧
class-console-col-table = テーブル
class-console-col-round = ラウンド
class-console-col-to-move = 手番
class-console-col-latest-offer = 最新の提案
class-console-col-deficit = 赤字
class-console-col-approval = 支持率 { $pair }
class-console-col-last-move = 最後の手
class-console-col-seats = 席 { $pair }
class-console-col-state = 状態
class-console-table = テーブル { $number }
class-console-latest-offer = { $side }、ラウンド { $round }
class-console-no-offer = まだなし
class-console-resume = ▶ 再開
class-console-pause = ⏸ 一時停止
class-console-fire-here = ここに投入
class-console-fire-here-hint = 上で選んだイベントをこのテーブルだけに投入します
class-console-seat-computer-label = コンピューターを着席させる：
class-console-seat-computer-hint = このテーブルでは今後、コンピューター（標準）が { $side } を担当します

### 接続中のノートPC
class-console-laptops = 接続中のノートPC（{ $count }）
class-console-col-connection = 接続
class-console-col-address = アドレス
class-console-col-seat = 席
class-console-col-connected = 接続時間
class-console-col-refused = 拒否数
class-console-laptop-seat = テーブル { $table }、{ $side }
class-console-laptop-no-seat = 席なし
class-console-disconnect = 切断
class-console-disconnect-hint = このチームは席トークンで戻ってこられます
class-console-free-seat = 席を空ける
class-console-free-seat-hint = 切断して席トークンを無効にします。次にこのコードで参加したチームがこの席に着きます
class-console-not-kept = 進行中のゲームがディスクに保存されていません：{ $error }
class-console-log = ログ

### クラスの終了
class-console-end-title = クラスを終了しますか？
class-console-end-text = すべてのノートPCにクラスの終了を知らせます。終わっていないゲームはその時点の状態で残し、振り返りに使います。
class-console-end-confirm = クラスを終了
class-console-keep-playing = 続ける

## 振り返り（src/game/screens/debrief.rs）

class-debrief-no-folder = { $folder }：そのようなフォルダーはありません
class-debrief-written = 書き出しました：{ $page } と { $sheet }
class-debrief-stopped = 振り返りの計算が予期せず止まりました
# シナリオに実際の合意の名前がないとき：グラフの凡例では先頭の「the 」を除き、先頭を大文字にします。
class-debrief-real-deal = 実際の合意
class-debrief-x-axis = 米国にとっての合意の効用（0–100、スコアではありません）
class-debrief-y-axis = { $partner }にとっての効用（0–100、スコアではありません）
class-debrief-frontier = 可能な最善の合意（パレート・フロンティア）
class-debrief-nash = ナッシュ点
class-debrief-no-deal = 合意なし
class-debrief-tables = テーブル
class-debrief-col-table = テーブル
class-debrief-col-outcome = 結果
class-debrief-col-round = ラウンド
class-debrief-col-us-score = 米国のスコア
class-debrief-col-partner-score = { $partner }のスコア
class-debrief-col-mean-deficit = 平均赤字
class-debrief-col-agreement = 貿易協定
class-debrief-col-first-concession = 最初の譲歩
class-debrief-col-value-left = 残された価値
class-debrief-score-hint = ゲーム全体のスコア（0–100、月ごと）です。グラフが示す効用ではありません
class-debrief-no-one = なし
class-debrief-first-concession = { $side }（ラウンド { $round }）
class-debrief-value-left-hint = 可能な最善の合意までの距離（両陣営の効用のポイント。0は取り残しなし）
class-debrief-check = 採点前に確認してください：{ $message }
class-debrief-left-out = この振り返りに含まれないファイル：{ $count } 件
class-debrief-title = クラスの振り返り
class-debrief-folder-hint = 各テーブルの結果のフォルダー
class-debrief-open = 開く（Enter）
class-debrief-write = HTMLページとCSVを書き出す
class-debrief-write-hint = 同じフォルダーに debrief.html（印刷・投影用）と scores.csv（成績表用）を書き出します
class-debrief-back = 戻る（Esc）
class-debrief-working = 全テーブルを再現し、可能な最善の合意を求めています…
class-debrief-how = 各テーブルの結果（参加コードの名前のファイル）を1つのフォルダーに集め、上に入力して開いてください。`tradetable class simulate` で練習用のクラスを作れます。
class-debrief-summary = { $scenario } · { $count } テーブル · { $deals } テーブルが合意
class-debrief-plane-key = グラフ：黒い点がテーブル（横にタグ）、赤い四角が合意なし、ひし形がナッシュ点、星が{ $real }、線が可能な最善の合意です。点の位置は各合意の効用（0–100）で決まります。表はゲーム全体のスコア（0–100）で、別の尺度です。

## リプレイ（src/game/screens/replay.rs）

class-replay-start = 開始時点：まだ手はありません。
class-replay-propose = 合意案を提示
class-replay-accept = 提示された合意案を受け入れ
class-replay-move = { $side }：{ $action }
class-replay-move-labelled = { $side }：{ $action } — { $label }
class-replay-x-axis = 米国にとっての価値（0–100）
class-replay-y-axis = { $partner }にとっての価値（0–100）
class-replay-offers = { $side }の提案
class-replay-no-deal = 合意なし
class-replay-title = リプレイ：{ $label }
class-replay-subtitle = { $scenario } · シード { $seed }
class-replay-position = { $moves }手中 { $at }手目 · ラウンド { $round }（{ $month }）
class-replay-round-back = ⏮ ラウンド（PgUp）
class-replay-move-back = ◀ 1手（Left）
class-replay-pause = ⏸ 一時停止（Space）
class-replay-play = ▶ 再生（Space）
class-replay-move-forward = 1手（Right） ▶
class-replay-round-forward = ラウンド（PgDn） ⏭
class-replay-slider = 手
class-replay-branch = ここから分岐
class-replay-branch-hint = この時点から新しいゲームを始めます
class-replay-back = 戻る（Esc）
class-replay-tab-dance = 提案の推移
class-replay-tab-preview = 見通し
class-replay-tab-charts = グラフ
class-replay-tab-news = ニュース
class-replay-dance-note = 両陣営の効用（各陣営にとっての合意案の1年後の価値）で見た各提案と、合意なしの点です。右上ほど両者にとって良い結果です。
class-replay-working = 計算中…
class-replay-offers-heading = 提案
# 今終えたゲームの名前（テーブル名がないとき）。
class-replay-this-game = このゲーム

## ネットワーク対戦テーブルの状態（src/game/remote.rs）

class-remote-your-team = あなたのチーム
class-remote-other-waiting = 相手チーム（未参加）
class-remote-other-team = 相手チーム
class-remote-other-disconnected = 相手チーム（ノートPCの接続切れ）
class-remote-computer = コンピューター
class-remote-reconnecting = ホストに再接続しています…（{ $tries } 回中 { $attempt } 回目）
class-remote-over-host-has-result = 交渉は終わりました。結果はホストにあります
class-remote-over = 交渉は終わりました
class-remote-paused = ⏸ 教員が一時停止中
class-remote-awaiting = 手を送信しました。ホストの応答を待っています…
class-remote-your-turn = あなたの番です
class-remote-waiting-join = 相手チームの参加を待っています
class-remote-waiting-disconnected = 相手チームを待っています：ノートPCの接続が切れています
class-remote-computer-deciding = コンピューターが考えています
class-remote-waiting = 相手チームを待っています
class-remote-seats = テーブル { $table } · { $mine }：{ $mine_presence } · { $other }：{ $other_presence }
